ALTER TABLE "rounds" ALTER COLUMN "label" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "number" integer;--> statement-breakpoint
-- A table round's number is its matchday; a playoff round's is the clubs it starts with, two per tie.
UPDATE "rounds" SET "number" = CASE
  WHEN "stage" = 'playoff' THEN GREATEST(2, 2 * (SELECT count(*) FROM "ties" WHERE "ties"."round_id" = "rounds"."id"))
  ELSE "ordinal"
END;--> statement-breakpoint
ALTER TABLE "rounds" ALTER COLUMN "number" SET NOT NULL;--> statement-breakpoint
-- A label the generator wrote, in either language, becomes no label: the reader's language names the round.
UPDATE "rounds" SET "label" = NULL WHERE "label" IN (
  CASE WHEN "stage" = 'playoff' THEN CASE "number"
    WHEN 2 THEN 'Final' WHEN 4 THEN 'Semi-finals' WHEN 8 THEN 'Quarter-finals' ELSE 'Round of ' || "number" END
  WHEN "stage" = 'group' THEN 'Matchday ' || "number"
  ELSE 'Round ' || "number" END,
  CASE WHEN "stage" = 'playoff' THEN CASE "number" WHEN 2 THEN 'Финал' ELSE '1/' || ("number" / 2) || ' финала' END
  ELSE 'Тур ' || "number" END
);
