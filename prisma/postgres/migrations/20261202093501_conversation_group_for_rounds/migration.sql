-- Data only, no schema change. A pupil's conversation now records the pupil's group at the time
-- it was planned, prepared or held: with its day, that decides the round it belongs to
-- (bot/rounds/membership.ts). Conversations stored before took the group only when planned in a
-- round; they get the pupil's group of today. Their round is filled in by the reminder producer's
-- pass over the recent rounds (bot/services/round-membership.ts).
UPDATE "Conversation"
SET "groupId" = (SELECT "Pupil"."groupId" FROM "Pupil" WHERE "Pupil"."id" = "Conversation"."pupilId")
WHERE "pupilId" IS NOT NULL AND "groupId" IS NULL;
