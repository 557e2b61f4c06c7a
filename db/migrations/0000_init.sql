CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"display_name" text NOT NULL,
	"name_key" text NOT NULL,
	"side_id" text,
	"token_hash" text NOT NULL,
	"join_id" uuid,
	"removed_at" timestamp with time zone,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participants_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "scenario_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"scenario_id" text NOT NULL,
	"version" integer NOT NULL,
	"owner_id" uuid,
	"content_hash" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"teacher_id" uuid NOT NULL,
	"scenario_version_id" integer NOT NULL,
	"status" text DEFAULT 'lobby' NOT NULL,
	"sides_locked" boolean DEFAULT false NOT NULL,
	"capacity" integer NOT NULL,
	"round_plan" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "sessions_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "teachers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teachers_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_versions" ADD CONSTRAINT "scenario_versions_owner_id_teachers_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."teachers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_teacher_id_teachers_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."teachers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_scenario_version_id_scenario_versions_id_fk" FOREIGN KEY ("scenario_version_id") REFERENCES "public"."scenario_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "participants_session_name" ON "participants" USING btree ("session_id","name_key") WHERE "participants"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "participants_session" ON "participants" USING btree ("session_id","joined_at");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_session_join" ON "participants" USING btree ("session_id","join_id") WHERE "participants"."join_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "scenario_versions_bundled" ON "scenario_versions" USING btree ("scenario_id","version") WHERE "scenario_versions"."owner_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "scenario_versions_owned" ON "scenario_versions" USING btree ("owner_id","scenario_id","version") WHERE "scenario_versions"."owner_id" is not null;--> statement-breakpoint
CREATE INDEX "sessions_teacher" ON "sessions" USING btree ("teacher_id","created_at");