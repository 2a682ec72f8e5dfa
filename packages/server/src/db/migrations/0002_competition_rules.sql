ALTER TABLE "competitions" ADD COLUMN "extra_time" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "competitions" ADD COLUMN "lineup_starters" integer DEFAULT 11 NOT NULL;--> statement-breakpoint
ALTER TABLE "competitions" ADD COLUMN "lineup_requires_goalkeeper" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "competitions" ADD COLUMN "lineup_max_substitutes" integer DEFAULT 12 NOT NULL;