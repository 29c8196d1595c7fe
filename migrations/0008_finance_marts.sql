CREATE TABLE "dim_accounts" (
	"account_id" bigint PRIMARY KEY NOT NULL,
	"code" text,
	"name" text,
	"account_type" text,
	"internal_group" text,
	"reconcile" boolean,
	"currency_id" bigint,
	"company_id" bigint,
	"active" boolean,
	"created_at" timestamp with time zone,
	"is_placeholder" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dim_journals" (
	"journal_id" bigint PRIMARY KEY NOT NULL,
	"code" text,
	"name" text,
	"journal_type" text,
	"company_id" bigint,
	"currency_id" bigint,
	"default_account_id" bigint,
	"active" boolean,
	"created_at" timestamp with time zone,
	"is_placeholder" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fact_invoices" (
	"invoice_id" bigint PRIMARY KEY NOT NULL,
	"invoice_ref" text,
	"ref" text,
	"move_type" text,
	"state" text,
	"payment_state" text,
	"invoice_date" date,
	"invoice_date_due" date,
	"date" date,
	"partner_id" bigint,
	"commercial_partner_id" bigint,
	"company_id" bigint,
	"journal_id" bigint,
	"currency" text,
	"company_currency" text,
	"amount_untaxed" numeric,
	"amount_tax" numeric,
	"amount_total" numeric,
	"amount_residual" numeric,
	"amount_untaxed_in_currency_signed" numeric,
	"amount_tax_in_currency_signed" numeric,
	"amount_total_in_currency_signed" numeric,
	"amount_untaxed_signed" numeric,
	"amount_tax_signed" numeric,
	"amount_total_signed" numeric,
	"amount_residual_signed" numeric,
	"invoice_origin" text,
	"reversed_entry_id" bigint,
	"created_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "fact_journal_items" (
	"line_id" bigint PRIMARY KEY NOT NULL,
	"move_id" bigint,
	"move_name" text,
	"move_type" text,
	"move_state" text,
	"date" date,
	"journal_id" bigint,
	"account_id" bigint,
	"account_type" text,
	"partner_id" bigint,
	"company_id" bigint,
	"label" text,
	"display_type" text,
	"debit" numeric,
	"credit" numeric,
	"balance" numeric,
	"amount_currency" numeric,
	"currency_id" bigint,
	"amount_residual" numeric,
	"amount_residual_currency" numeric,
	"reconciled" boolean,
	"matching_number" text,
	"date_maturity" date,
	"product_id" bigint,
	"quantity" numeric,
	"created_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "fact_payments" (
	"payment_id" bigint PRIMARY KEY NOT NULL,
	"payment_ref" text,
	"move_id" bigint,
	"payment_type" text,
	"partner_type" text,
	"partner_id" bigint,
	"journal_id" bigint,
	"company_id" bigint,
	"date" date,
	"state" text,
	"amount" numeric,
	"currency" text,
	"amount_company_currency_signed" numeric,
	"is_reconciled" boolean,
	"is_matched" boolean,
	"created_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "fact_sales_lines" ADD COLUMN "cost" numeric;--> statement-breakpoint
ALTER TABLE "fact_sales_lines" ADD COLUMN "margin" numeric;--> statement-breakpoint
ALTER TABLE "fact_sales_lines" ADD COLUMN "cost_source" text;