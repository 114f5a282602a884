-- Attempts are told apart by attempt, not by name (issue 20): a student is the chain of attempts that began with
-- their first one (student_id = that attempt's id); two students may share a name. Existing attempts keep their
-- numbering: those of one name in one drill were one student under the old rule.
ALTER TABLE "attempts" ADD COLUMN "student_id" text;--> statement-breakpoint
UPDATE "attempts" AS a SET "student_id" = (
	SELECT f."id" FROM "attempts" AS f
	WHERE f."drill_id" = a."drill_id" AND f."name_key" = a."name_key"
	ORDER BY f."attempt_number", f."started_at", f."id" LIMIT 1
);--> statement-breakpoint
ALTER TABLE "attempts" ALTER COLUMN "student_id" SET NOT NULL;--> statement-breakpoint
DROP INDEX "attempts_student_number";--> statement-breakpoint
CREATE UNIQUE INDEX "attempts_student_number" ON "attempts" USING btree ("drill_id","student_id","attempt_number");--> statement-breakpoint
-- Each question's spec moves from attempts.questions (a JSON list that repeated attempt_questions) to its own row.
-- Attempts started before attempt_questions existed get rows without the generated question (regenerated from
-- the spec when read).
ALTER TABLE "attempt_questions" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "attempt_questions" ADD COLUMN "difficulty" text;--> statement-breakpoint
ALTER TABLE "attempt_questions" ADD COLUMN "seed" text;--> statement-breakpoint
ALTER TABLE "attempt_questions" ALTER COLUMN "question" DROP NOT NULL;--> statement-breakpoint
INSERT INTO "attempt_questions" ("attempt_id", "question_id", "position", "kind", "difficulty", "seed")
	SELECT a."id", r.ref->>'id', (r.n - 1)::integer, r.ref->'spec'->>'kind', r.ref->'spec'->>'difficulty', r.ref->'spec'->>'seed'
	FROM "attempts" AS a, jsonb_array_elements(a."questions") WITH ORDINALITY AS r(ref, n)
	ON CONFLICT ("attempt_id", "question_id") DO UPDATE SET
		"kind" = excluded."kind", "difficulty" = excluded."difficulty", "seed" = excluded."seed";--> statement-breakpoint
ALTER TABLE "attempt_questions" ALTER COLUMN "kind" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "attempt_questions" ALTER COLUMN "difficulty" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "attempt_questions" ALTER COLUMN "seed" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "attempts" DROP COLUMN "questions";
