ALTER TABLE "elt_stream_state" ADD COLUMN "hash_fields" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "elt_stream_state" ADD COLUMN "hash_key_fingerprint" text;