CREATE TABLE "elt_missing_references" (
	"model" text NOT NULL,
	"column_name" text NOT NULL,
	"referenced_model" text NOT NULL,
	"referenced_id" bigint NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "elt_missing_references_model_column_name_referenced_id_pk" PRIMARY KEY("model","column_name","referenced_id")
);
--> statement-breakpoint
CREATE TABLE "elt_model_runs" (
	"run_id" bigint NOT NULL,
	"model" text NOT NULL,
	"status" text NOT NULL,
	"rows" bigint DEFAULT 0 NOT NULL,
	"seconds" double precision DEFAULT 0 NOT NULL,
	"error" text,
	CONSTRAINT "elt_model_runs_run_id_model_pk" PRIMARY KEY("run_id","model")
);
--> statement-breakpoint
CREATE TABLE "elt_model_state" (
	"model" text PRIMARY KEY NOT NULL,
	"materialized" text NOT NULL,
	"last_run_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"status" text NOT NULL,
	"rows" bigint,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "elt_model_watermarks" (
	"model" text NOT NULL,
	"source" text NOT NULL,
	"load_seq" bigint NOT NULL,
	CONSTRAINT "elt_model_watermarks_model_source_pk" PRIMARY KEY("model","source")
);
--> statement-breakpoint
ALTER TABLE "elt_model_runs" ADD CONSTRAINT "elt_model_runs_run_id_elt_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "elt_runs"("id") ON DELETE cascade ON UPDATE no action;