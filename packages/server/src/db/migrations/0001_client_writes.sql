CREATE TABLE "client_writes" (
	"match_id" integer NOT NULL,
	"client_write_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_writes_match_id_client_write_id_pk" PRIMARY KEY("match_id","client_write_id")
);
--> statement-breakpoint
ALTER TABLE "client_writes" ADD CONSTRAINT "client_writes_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE no action ON UPDATE no action;