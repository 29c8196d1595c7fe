CREATE TABLE "elt_skipped_records" (
	"stream" text NOT NULL,
	"id" bigint NOT NULL,
	"error" text NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "elt_skipped_records_stream_id_pk" PRIMARY KEY("stream","id")
);
