CREATE TABLE "elt_stream_fields" (
	"stream" text NOT NULL,
	"field" text NOT NULL,
	"type" text NOT NULL,
	"relation" text,
	"label" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "elt_stream_fields_stream_field_pk" PRIMARY KEY("stream","field")
);
