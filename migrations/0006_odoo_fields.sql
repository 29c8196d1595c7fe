CREATE TABLE "elt_odoo_fields" (
	"model" text PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"fields" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
