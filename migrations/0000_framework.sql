CREATE SEQUENCE "elt_load_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "elt_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"command" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text DEFAULT 'running' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "elt_stream_runs" (
	"run_id" bigint NOT NULL,
	"stream" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text DEFAULT 'running' NOT NULL,
	"fetched" bigint DEFAULT 0 NOT NULL,
	"changed" bigint DEFAULT 0 NOT NULL,
	"error" text,
	"details" jsonb,
	CONSTRAINT "elt_stream_runs_run_id_stream_pk" PRIMARY KEY("run_id","stream")
);
--> statement-breakpoint
CREATE TABLE "elt_stream_state" (
	"stream" text PRIMARY KEY NOT NULL,
	"model" text NOT NULL,
	"cursor" timestamp,
	"pass_hwm" timestamp,
	"pass_since" timestamp,
	"pass_last_id" bigint,
	"pass_full" boolean DEFAULT false NOT NULL,
	"last_success_at" timestamp with time zone,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "elt_stream_runs" ADD CONSTRAINT "elt_stream_runs_run_id_elt_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "elt_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "elt_stream_runs_stream_idx" ON "elt_stream_runs" USING btree ("stream","started_at");