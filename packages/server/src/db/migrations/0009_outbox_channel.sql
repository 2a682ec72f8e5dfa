DROP INDEX "notifications_due_idx";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "channel" text;--> statement-breakpoint
UPDATE "notifications" n SET "channel" = r."channel" FROM "notify_recipients" r WHERE r."id" = n."recipient_id";--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "channel" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "notifications_pending_idx" ON "notifications" USING btree ("not_before","id") WHERE status = 'pending';
