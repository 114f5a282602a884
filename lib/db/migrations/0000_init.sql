CREATE TABLE "answers" (
	"attempt_id" text NOT NULL,
	"question_id" text NOT NULL,
	"position" integer NOT NULL,
	"answer" text NOT NULL,
	"score" double precision NOT NULL,
	"misconception_id" text,
	"misconception_label" text,
	"result" jsonb NOT NULL,
	"revisions" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "answers_attempt_id_question_id_pk" PRIMARY KEY("attempt_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"drill_id" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"attempt_number" integer NOT NULL,
	"token_hash" text NOT NULL,
	"seed" text NOT NULL,
	"questions" jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deadline" timestamp with time zone,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "drills" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"kinds" jsonb NOT NULL,
	"difficulty" text NOT NULL,
	"question_count" integer NOT NULL,
	"time_limit_seconds" integer,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"attempts_allowed" integer NOT NULL,
	"reveal_policy" text NOT NULL,
	"variant_mode" text NOT NULL,
	"seed" text NOT NULL,
	"manage_token_hash" text NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "drills_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_attempt_id_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempts" ADD CONSTRAINT "attempts_drill_id_drills_id_fk" FOREIGN KEY ("drill_id") REFERENCES "public"."drills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attempts_student_number" ON "attempts" USING btree ("drill_id","name_key","attempt_number");--> statement-breakpoint
CREATE INDEX "attempts_drill" ON "attempts" USING btree ("drill_id");