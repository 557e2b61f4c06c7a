CREATE TABLE "ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"argument_id" uuid NOT NULL,
	"judge_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"argument_id" uuid NOT NULL,
	"card_id" text NOT NULL,
	"challenger_id" uuid NOT NULL,
	"challenger_side_id" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"ruling" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ruled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "arguments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"side_id" text NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"card_ids" jsonb NOT NULL,
	"target_side_id" text,
	"reply_to" uuid,
	"client_id" uuid NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peer_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"voter_id" uuid NOT NULL,
	"argument_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"plan_index" integer NOT NULL,
	"status" text NOT NULL,
	"ends_at" timestamp (3) with time zone,
	"remaining_ms" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"revealed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "arguments_live" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "scoreboard" text DEFAULT 'hidden' NOT NULL;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_argument_id_arguments_id_fk" FOREIGN KEY ("argument_id") REFERENCES "public"."arguments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_judge_id_teachers_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."teachers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_argument_id_arguments_id_fk" FOREIGN KEY ("argument_id") REFERENCES "public"."arguments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_challenger_id_participants_id_fk" FOREIGN KEY ("challenger_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arguments" ADD CONSTRAINT "arguments_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arguments" ADD CONSTRAINT "arguments_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arguments" ADD CONSTRAINT "arguments_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_votes" ADD CONSTRAINT "peer_votes_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_votes" ADD CONSTRAINT "peer_votes_voter_id_participants_id_fk" FOREIGN KEY ("voter_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_votes" ADD CONSTRAINT "peer_votes_argument_id_arguments_id_fk" FOREIGN KEY ("argument_id") REFERENCES "public"."arguments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ballots_judge_argument" ON "ballots" USING btree ("argument_id","judge_id");--> statement-breakpoint
CREATE UNIQUE INDEX "challenges_one_open" ON "challenges" USING btree ("challenger_id") WHERE "challenges"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "challenges_once" ON "challenges" USING btree ("challenger_id","argument_id","card_id");--> statement-breakpoint
CREATE INDEX "challenges_session" ON "challenges" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "arguments_one_speech" ON "arguments" USING btree ("round_id","participant_id") WHERE "arguments"."kind" = 'argument';--> statement-breakpoint
CREATE UNIQUE INDEX "arguments_client" ON "arguments" USING btree ("participant_id","client_id");--> statement-breakpoint
CREATE INDEX "arguments_round" ON "arguments" USING btree ("round_id","created_at");--> statement-breakpoint
CREATE INDEX "arguments_session" ON "arguments" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "peer_votes_one_per_round" ON "peer_votes" USING btree ("round_id","voter_id");--> statement-breakpoint
CREATE INDEX "peer_votes_argument" ON "peer_votes" USING btree ("argument_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rounds_session_plan" ON "rounds" USING btree ("session_id","plan_index");--> statement-breakpoint
CREATE UNIQUE INDEX "rounds_session_running" ON "rounds" USING btree ("session_id") WHERE "rounds"."status" in ('open', 'paused');