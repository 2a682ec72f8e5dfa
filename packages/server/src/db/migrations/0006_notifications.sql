CREATE TABLE "follows" (
	"recipient_id" integer NOT NULL,
	"target" text NOT NULL,
	"target_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follows_recipient_id_target_target_id_pk" PRIMARY KEY("recipient_id","target","target_id")
);
--> statement-breakpoint
CREATE TABLE "match_notify_state" (
	"match_id" integer PRIMARY KEY NOT NULL,
	"planned_seq" integer DEFAULT 0 NOT NULL,
	"told" jsonb,
	"window_opened_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"recipient_id" integer NOT NULL,
	"notice_key" text NOT NULL,
	"match_id" integer,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"not_before" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_by" text,
	"claimed_until" timestamp with time zone,
	"committed_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"external_id" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notify_recipients" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notify_recipients_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"channel" text NOT NULL,
	"user_id" integer,
	"chat_id" text,
	"endpoint" text,
	"p256dh" text,
	"auth" text,
	"kinds" jsonb NOT NULL,
	"locale" text DEFAULT 'ru' NOT NULL,
	"reminder_minutes" integer DEFAULT 60 NOT NULL,
	"can_write" boolean DEFAULT true NOT NULL,
	"paused_at" timestamp with time zone,
	"pause_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notify_recipients_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "notify_recipients_endpoint_unique" UNIQUE("endpoint")
);
--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_recipient_id_notify_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."notify_recipients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_notify_state" ADD CONSTRAINT "match_notify_state_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_notify_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."notify_recipients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notify_recipients" ADD CONSTRAINT "notify_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follows_target_idx" ON "follows" USING btree ("target","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_recipient_notice_unique" ON "notifications" USING btree ("recipient_id","notice_key");--> statement-breakpoint
CREATE INDEX "notifications_due_idx" ON "notifications" USING btree ("status","not_before");--> statement-breakpoint
CREATE INDEX "notifications_match_idx" ON "notifications" USING btree ("match_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notify_recipients_channel_chat_unique" ON "notify_recipients" USING btree ("channel","chat_id");