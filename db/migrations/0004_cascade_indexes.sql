CREATE INDEX "challenges_argument" ON "challenges" USING btree ("argument_id");--> statement-breakpoint
CREATE INDEX "peer_votes_voter" ON "peer_votes" USING btree ("voter_id");--> statement-breakpoint
CREATE INDEX "poll_votes_participant" ON "poll_votes" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "polls_round" ON "polls" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "quiz_questions_round" ON "quiz_questions" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "rejoin_requests_participant" ON "rejoin_requests" USING btree ("participant_id");