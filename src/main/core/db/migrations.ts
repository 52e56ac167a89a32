/**
 * Numbered schema migrations. Append only: a migration that has landed is never edited; fix forward with a new one.
 * Migration N (1-based) is MIGRATIONS[N - 1]; PRAGMA user_version holds the number of the last one applied.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: the first schema — content (packs, questions, media, notes) apart from progress (blocks, cards, logs).
  `
  CREATE TABLE packs (
    id            INTEGER PRIMARY KEY,
    key           TEXT NOT NULL UNIQUE,           -- the pack's own id, stable across versions
    title         TEXT NOT NULL,
    version       TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    license       TEXT NOT NULL DEFAULT '',
    author        TEXT NOT NULL DEFAULT '',
    source_format TEXT NOT NULL,                  -- native, medqa, csv, json-map
    source_name   TEXT NOT NULL,                  -- file or folder name it came from
    imported_at   INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    removed_at    INTEGER                         -- removing a pack retires its questions; history stays
  );

  -- Short columns first, long text last: a lookup by id that reads only filter columns never touches overflow pages.
  CREATE TABLE questions (
    id               INTEGER PRIMARY KEY,
    pack_id          INTEGER NOT NULL REFERENCES packs(id),
    source_id        TEXT NOT NULL,               -- id inside the pack, stable across versions
    retired          INTEGER NOT NULL DEFAULT 0,  -- 1 = missing from the latest pack version or pack removed
    exam             TEXT,                        -- step1 | step2ck | step3
    discipline       TEXT,
    system           TEXT,
    topic            TEXT,
    difficulty       INTEGER,
    answer_index     INTEGER NOT NULL,
    choice_count     INTEGER NOT NULL,
    revision         INTEGER NOT NULL DEFAULT 1,
    hash             TEXT NOT NULL,               -- content hash of the current revision
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    objective        TEXT NOT NULL DEFAULT '',
    references_json  TEXT NOT NULL DEFAULT '[]',
    stem_html        TEXT NOT NULL,
    explanation_html TEXT NOT NULL DEFAULT '',
    UNIQUE (pack_id, source_id)
  );
  -- Covering index for every filter and facet: counting a 50,000-question pool never reads the wide rows (stem HTML).
  CREATE INDEX questions_filter ON questions (retired, exam, pack_id, system, discipline);

  CREATE TABLE question_revisions (
    question_id INTEGER NOT NULL REFERENCES questions(id),
    revision    INTEGER NOT NULL,
    hash        TEXT NOT NULL,
    content     TEXT NOT NULL,                    -- JSON snapshot of the revision that was replaced
    replaced_at INTEGER NOT NULL,
    PRIMARY KEY (question_id, revision)
  ) WITHOUT ROWID;

  CREATE TABLE choices (
    question_id      INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    idx              INTEGER NOT NULL,            -- 0 = A
    text_html        TEXT NOT NULL,
    explanation_html TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (question_id, idx)
  ) WITHOUT ROWID;

  CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
  );
  CREATE TABLE question_tags (
    question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tags(id),
    PRIMARY KEY (question_id, tag_id)
  ) WITHOUT ROWID;
  CREATE INDEX question_tags_tag ON question_tags (tag_id, question_id);

  CREATE TABLE media (
    id      INTEGER PRIMARY KEY,
    pack_id INTEGER NOT NULL REFERENCES packs(id),
    name    TEXT NOT NULL,                        -- path inside the pack, e.g. media/ecg.svg
    mime    TEXT NOT NULL,
    sha256  TEXT NOT NULL,
    bytes   BLOB NOT NULL,
    UNIQUE (pack_id, name)
  );
  CREATE TABLE question_media (
    question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    media_id    INTEGER NOT NULL REFERENCES media(id),
    placement   TEXT NOT NULL,                    -- stem | explanation
    alt         TEXT NOT NULL,
    PRIMARY KEY (question_id, position)
  ) WITHOUT ROWID;

  -- Plain text of every question, for search. rowid = questions.id.
  CREATE VIRTUAL TABLE questions_fts USING fts5 (stem, choices, explanation, tokenize = 'unicode61 remove_diacritics 2');
  -- Rank by bm25 with the stem weighted most: ORDER BY rank then uses FTS5's own fast path.
  INSERT INTO questions_fts (questions_fts, rank) VALUES ('rank', 'bm25(4.0, 2.0, 1.0)');

  CREATE TABLE notes (
    id          INTEGER PRIMARY KEY,
    origin      TEXT NOT NULL,                    -- imported | user
    source_key  TEXT UNIQUE,                      -- imported: vault-relative path; user: NULL
    question_id INTEGER REFERENCES questions(id), -- a user's note on one question
    title       TEXT NOT NULL,
    body_md     TEXT NOT NULL,
    body_html   TEXT NOT NULL,
    system      TEXT,
    discipline  TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
  );
  CREATE INDEX notes_question ON notes (question_id);
  CREATE INDEX notes_system ON notes (system);
  CREATE TABLE note_tags (
    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    tag_id  INTEGER NOT NULL REFERENCES tags(id),
    PRIMARY KEY (note_id, tag_id)
  ) WITHOUT ROWID;
  CREATE INDEX note_tags_tag ON note_tags (tag_id);
  CREATE VIRTUAL TABLE notes_fts USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2');
  CREATE TABLE note_media (
    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    name    TEXT NOT NULL,
    mime    TEXT NOT NULL,
    bytes   BLOB NOT NULL,
    PRIMARY KEY (note_id, name)
  ) WITHOUT ROWID;

  CREATE TABLE blocks (
    id                INTEGER PRIMARY KEY,
    created_at        INTEGER NOT NULL,
    mode              TEXT NOT NULL,              -- timed | tutor | untimed
    spec_json         TEXT NOT NULL,              -- filters, size, order, seed: enough to rebuild it exactly
    seed              INTEGER NOT NULL,
    time_limit_ms     INTEGER,                    -- NULL = no block clock
    pause_stops_clock INTEGER NOT NULL DEFAULT 0,
    status            TEXT NOT NULL,              -- in_progress | suspended | finished
    elapsed_ms        INTEGER NOT NULL DEFAULT 0, -- block time used, excluding the running segment
    running_since     INTEGER,                    -- clock time the running segment began; NULL when stopped
    current_position  INTEGER NOT NULL DEFAULT 0,
    finished_at       INTEGER,
    end_reason        TEXT,                       -- user | time_up
    correct_count     INTEGER,
    item_count        INTEGER NOT NULL
  );
  CREATE INDEX blocks_status ON blocks (status, created_at);

  CREATE TABLE block_items (
    block_id     INTEGER NOT NULL REFERENCES blocks(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    question_id  INTEGER NOT NULL REFERENCES questions(id),
    selected     INTEGER,                         -- choice index, NULL = unanswered
    submitted    INTEGER NOT NULL DEFAULT 0,      -- tutor mode: answer locked and explanation shown
    outcome      TEXT,                            -- correct | incorrect | omitted, set when the item is final
    marked       INTEGER NOT NULL DEFAULT 0,
    struck       INTEGER NOT NULL DEFAULT 0,      -- bit i = choice i struck out
    highlights   TEXT NOT NULL DEFAULT '[]',      -- JSON [{start, end}] character ranges in the stem text
    time_ms      INTEGER NOT NULL DEFAULT 0,
    first_seen   INTEGER,
    repeat_of    INTEGER,                         -- number of earlier finished attempts at this question
    PRIMARY KEY (block_id, position)
  ) WITHOUT ROWID;
  CREATE INDEX block_items_question ON block_items (question_id);

  CREATE TABLE answer_events (
    id       INTEGER PRIMARY KEY,
    block_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    at       INTEGER NOT NULL,
    choice   INTEGER,                             -- NULL = answer cleared
    kind     TEXT NOT NULL,                       -- select | submit
    FOREIGN KEY (block_id, position) REFERENCES block_items (block_id, position) ON DELETE CASCADE
  );
  CREATE INDEX answer_events_item ON answer_events (block_id, position);

  -- One row per question the user has met: the latest outcome, kept so status filters never scan history.
  CREATE TABLE question_stats (
    question_id     INTEGER PRIMARY KEY REFERENCES questions(id),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_outcome    TEXT,                         -- correct | incorrect | omitted
    last_answered_at INTEGER,
    marked          INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX question_stats_outcome ON question_stats (last_outcome);

  CREATE TABLE cards (
    id             INTEGER PRIMARY KEY,
    question_id    INTEGER UNIQUE REFERENCES questions(id),
    front          TEXT,
    back           TEXT,
    due            INTEGER NOT NULL,
    stability      REAL NOT NULL,
    difficulty     REAL NOT NULL,
    elapsed_days   INTEGER NOT NULL,
    scheduled_days INTEGER NOT NULL,
    learning_steps INTEGER NOT NULL,
    reps           INTEGER NOT NULL,
    lapses         INTEGER NOT NULL,
    state          INTEGER NOT NULL,
    last_review    INTEGER,
    suspended      INTEGER NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL
  );
  CREATE INDEX cards_due ON cards (suspended, due);

  CREATE TABLE review_log (
    id                INTEGER PRIMARY KEY,
    card_id           INTEGER NOT NULL REFERENCES cards(id),
    rating            INTEGER NOT NULL,
    state             INTEGER NOT NULL,
    due               INTEGER NOT NULL,
    stability         REAL NOT NULL,
    difficulty        REAL NOT NULL,
    elapsed_days      INTEGER NOT NULL,
    last_elapsed_days INTEGER NOT NULL,
    scheduled_days    INTEGER NOT NULL,
    learning_steps    INTEGER NOT NULL,
    review            INTEGER NOT NULL,
    duration_ms       INTEGER
  );
  CREATE INDEX review_log_card ON review_log (card_id, review);
  CREATE INDEX review_log_review ON review_log (review);

  CREATE TABLE self_assessments (
    id       INTEGER PRIMARY KEY,
    form     TEXT NOT NULL,                       -- e.g. NBME 30, UWSA 2, Free 120
    taken_on TEXT NOT NULL,                       -- ISO date
    score    REAL NOT NULL,
    scale    TEXT NOT NULL,                       -- three-digit | pass-probability | percent
    notes    TEXT NOT NULL DEFAULT ''
  );

  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL                           -- JSON
  ) WITHOUT ROWID;
  `,
  // issue 10 (exam day 2026): full-length day simulations; the blocks of a day point at it, in order.
  `
  CREATE TABLE exam_days (
    id              INTEGER PRIMARY KEY,
    created_at      INTEGER NOT NULL,
    format_id       TEXT NOT NULL,                -- a row of DAY_FORMATS (src/shared/examFormats.ts)
    spec_json       TEXT NOT NULL,                -- filters, seed, blocks, items per block, as started
    plan_json       TEXT NOT NULL,                -- question ids of every block, drawn at the start: none repeats in a day
    block_count     INTEGER NOT NULL,
    block_time_ms   INTEGER NOT NULL,             -- time limit of each block
    break_budget_ms INTEGER NOT NULL
  );
  ALTER TABLE blocks ADD COLUMN day_id INTEGER REFERENCES exam_days(id);
  ALTER TABLE blocks ADD COLUMN day_index INTEGER;  -- 0-based position of the block in its day
  CREATE UNIQUE INDEX blocks_day ON blocks (day_id, day_index) WHERE day_id IS NOT NULL;
  `,
  // Issue 8 (learn from every miss): the question revision each block item was drawn with, so scoring and review
  // never follow a later re-import; the why-I-missed-it reason on the attempt; a pointer from question_stats to the
  // latest attempt (and its reason) so the review-missed queue reads one narrow table; notes deleted with undo.
  `
  ALTER TABLE block_items ADD COLUMN revision INTEGER;  -- questions.revision when drawn; older revisions live in question_revisions
  ALTER TABLE block_items ADD COLUMN reason TEXT
    CHECK (reason IN ('knowledge', 'misread', 'reasoning', 'time', 'guessed', 'careless'));  -- src/shared/reasons.ts
  CREATE INDEX block_items_reason ON block_items (reason) WHERE reason IS NOT NULL;

  -- Items drawn before this migration: the revision that was current when their block was created.
  UPDATE block_items SET revision = coalesce(
    (SELECT min(r.revision) FROM question_revisions r JOIN blocks b ON b.id = block_items.block_id
      WHERE r.question_id = block_items.question_id AND r.replaced_at > b.created_at),
    (SELECT q.revision FROM questions q WHERE q.id = block_items.question_id));

  ALTER TABLE question_stats ADD COLUMN last_block_id INTEGER;  -- the latest scored attempt: (block_id, position)
  ALTER TABLE question_stats ADD COLUMN last_position INTEGER;
  ALTER TABLE question_stats ADD COLUMN last_reason TEXT;       -- that attempt's reason, kept in step by review/reasons.ts
  UPDATE question_stats SET (last_block_id, last_position) = (
    SELECT bi.block_id, bi.position FROM block_items bi JOIN blocks b ON b.id = bi.block_id
    WHERE bi.question_id = question_stats.question_id AND bi.outcome IS NOT NULL
    ORDER BY coalesce(b.finished_at, b.created_at) DESC, bi.block_id DESC LIMIT 1);
  CREATE INDEX question_stats_answered ON question_stats (last_answered_at);

  ALTER TABLE notes ADD COLUMN deleted_at INTEGER;  -- deleted notes wait here for Undo; they leave search at once
  `,
  // Issue 8, answer changes: each scored item keeps how many times its answer moved correct→incorrect,
  // incorrect→correct and incorrect→incorrect (from answer_events, judged against the revision answered), so the
  // analysis across all blocks sums a small partial index instead of replaying the whole answer history.
  `
  ALTER TABLE block_items ADD COLUMN changes_c2i INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE block_items ADD COLUMN changes_i2c INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE block_items ADD COLUMN changes_i2i INTEGER NOT NULL DEFAULT 0;
  WITH ev AS (
    SELECT e.block_id, e.position, e.choice, lag(e.choice) OVER (PARTITION BY e.block_id, e.position ORDER BY e.id) AS prev
    FROM answer_events e WHERE e.kind = 'select' AND e.choice IS NOT NULL
  ), moves AS (
    SELECT ev.block_id, ev.position, ev.prev, ev.choice,
      CASE WHEN i.revision IS NULL OR i.revision = q.revision THEN q.answer_index
        ELSE (SELECT json_extract(r.content, '$.answer') FROM question_revisions r WHERE r.question_id = i.question_id AND r.revision = i.revision) END AS answer
    FROM ev JOIN block_items i ON i.block_id = ev.block_id AND i.position = ev.position JOIN questions q ON q.id = i.question_id
    WHERE ev.prev IS NOT NULL AND ev.prev <> ev.choice AND i.outcome IS NOT NULL
  ), per_item AS (
    SELECT block_id, position, sum(prev = answer) AS c2i, sum(choice = answer) AS i2c, sum(prev <> answer AND choice <> answer) AS i2i
    FROM moves GROUP BY block_id, position
  )
  UPDATE block_items SET changes_c2i = p.c2i, changes_i2c = p.i2c, changes_i2i = p.i2i
  FROM per_item p WHERE block_items.block_id = p.block_id AND block_items.position = p.position;
  CREATE INDEX block_items_changed ON block_items (block_id, position, changes_c2i, changes_i2c, changes_i2i)
    WHERE changes_c2i + changes_i2c + changes_i2i > 0;
  `,
  // Issue 9 (spaced repetition): migration 1's cards/review_log could not hold flashcards, post-review state, the
  // source of a log row or an undo snapshot. Nothing had written to them (no code did), so they are replaced.
  `
  DROP TABLE review_log;
  DROP TABLE cards;

  -- The content of a flashcard (basic or cloze; Markdown). Question cards have no flashcard: the question is the content.
  CREATE TABLE flashcards (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('basic', 'cloze')),
    front_md    TEXT NOT NULL,
    back_md     TEXT NOT NULL DEFAULT '',
    question_id INTEGER REFERENCES questions(id), -- the question it was made from, if any
    origin      TEXT NOT NULL DEFAULT 'app' CHECK (origin IN ('app', 'anki')),
    origin_key  TEXT UNIQUE,                      -- e.g. an Anki note guid: re-import matches on it
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER                           -- deleted with undo: hidden, restorable
  );
  CREATE INDEX flashcards_question ON flashcards (question_id);
  CREATE TABLE flashcard_tags (
    flashcard_id INTEGER NOT NULL REFERENCES flashcards(id) ON DELETE CASCADE,
    tag_id       INTEGER NOT NULL REFERENCES tags(id),
    PRIMARY KEY (flashcard_id, tag_id)
  ) WITHOUT ROWID;
  CREATE INDEX flashcard_tags_tag ON flashcard_tags (tag_id);
  -- Images a flashcard shows, referenced from its Markdown by name: ![alt](name.png).
  CREATE TABLE card_media (
    name   TEXT PRIMARY KEY,
    mime   TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes  BLOB NOT NULL
  ) WITHOUT ROWID;

  -- The scheduling unit: every FSRS field (ts-fsrs Card) plus queue flags. One per question, one per flashcard
  -- template (cloze: one per deletion number, ord).
  CREATE TABLE cards (
    id             INTEGER PRIMARY KEY,
    question_id    INTEGER REFERENCES questions(id),   -- question card
    flashcard_id   INTEGER REFERENCES flashcards(id),  -- flashcard
    ord            INTEGER NOT NULL DEFAULT 0,         -- cloze number (1-based) or template; 0 = basic/question
    due            INTEGER NOT NULL,
    stability      REAL NOT NULL DEFAULT 0,
    difficulty     REAL NOT NULL DEFAULT 0,
    scheduled_days INTEGER NOT NULL DEFAULT 0,
    learning_steps INTEGER NOT NULL DEFAULT 0,
    reps           INTEGER NOT NULL DEFAULT 0,
    lapses         INTEGER NOT NULL DEFAULT 0,
    state          INTEGER NOT NULL DEFAULT 0,         -- 0 new, 1 learning, 2 review, 3 relearning
    last_review    INTEGER,
    suspended      INTEGER NOT NULL DEFAULT 0,
    buried_until   INTEGER,                            -- start of the study day the bury ends
    deleted_at     INTEGER,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    CHECK ((question_id IS NULL) <> (flashcard_id IS NULL))
  );
  CREATE UNIQUE INDEX cards_question ON cards (question_id) WHERE question_id IS NOT NULL;
  CREATE UNIQUE INDEX cards_flashcard ON cards (flashcard_id, ord) WHERE flashcard_id IS NOT NULL;
  -- The queues read only live cards in due order; partial indexes keep them small and exact. SQLite reads an index
  -- alone only if it holds every column the query names, the partial-index terms included: hence the trailing columns.
  CREATE INDEX cards_flash_queue ON cards (state, due, buried_until, flashcard_id, suspended, deleted_at)
    WHERE flashcard_id IS NOT NULL AND suspended = 0 AND deleted_at IS NULL;
  CREATE INDEX cards_live ON cards (suspended, deleted_at) WHERE deleted_at IS NULL;
  CREATE INDEX cards_question_queue ON cards (due, question_id, suspended, deleted_at) WHERE question_id IS NOT NULL AND suspended = 0 AND deleted_at IS NULL;
  -- Statistics read the memory state of every live card from this index alone (forecast, R, S, D histograms).
  CREATE INDEX cards_memory ON cards (due, state, stability, difficulty, last_review, question_id, suspended, deleted_at) WHERE deleted_at IS NULL AND suspended = 0;

  -- Stability and difficulty histograms of live reviewed cards, kept by triggers on cards so the statistics never
  -- sort 200,000 rows: sbin = ⌊log2(S + 1)⌋ (0–9: under 1 day … over 511 days), dbin = ⌊(D − 1) / 0.9⌋ (0–9: 10% steps).
  CREATE TABLE card_memory_bins (
    sbin INTEGER NOT NULL,
    dbin INTEGER NOT NULL,
    n    INTEGER NOT NULL,
    PRIMARY KEY (sbin, dbin)
  ) WITHOUT ROWID;
  CREATE TRIGGER card_bins_insert AFTER INSERT ON cards WHEN NEW.deleted_at IS NULL AND NEW.suspended = 0 AND NEW.state <> 0 BEGIN
    INSERT INTO card_memory_bins (sbin, dbin, n) VALUES (min(CAST(log2(NEW.stability + 1) AS INTEGER), 9), min(max(CAST((NEW.difficulty - 1) / 0.9 AS INTEGER), 0), 9), 1)
    ON CONFLICT (sbin, dbin) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER card_bins_delete AFTER DELETE ON cards WHEN OLD.deleted_at IS NULL AND OLD.suspended = 0 AND OLD.state <> 0 BEGIN
    UPDATE card_memory_bins SET n = n - 1 WHERE sbin = min(CAST(log2(OLD.stability + 1) AS INTEGER), 9) AND dbin = min(max(CAST((OLD.difficulty - 1) / 0.9 AS INTEGER), 0), 9);
  END;
  CREATE TRIGGER card_bins_update AFTER UPDATE OF stability, difficulty, state, suspended, deleted_at ON cards BEGIN
    UPDATE card_memory_bins SET n = n - 1 WHERE OLD.deleted_at IS NULL AND OLD.suspended = 0 AND OLD.state <> 0 AND sbin = min(CAST(log2(OLD.stability + 1) AS INTEGER), 9) AND dbin = min(max(CAST((OLD.difficulty - 1) / 0.9 AS INTEGER), 0), 9);
    INSERT INTO card_memory_bins (sbin, dbin, n) SELECT min(CAST(log2(NEW.stability + 1) AS INTEGER), 9), min(max(CAST((NEW.difficulty - 1) / 0.9 AS INTEGER), 0), 9), 1 WHERE NEW.deleted_at IS NULL AND NEW.suspended = 0 AND NEW.state <> 0
    ON CONFLICT (sbin, dbin) DO UPDATE SET n = n + 1;
  END;

  -- Every answer. The ts-fsrs ReviewLog fields are the card's values BEFORE the answer (ts-fsrs semantics); the
  -- new_* columns are the state after it, so replays and the optimiser never have to re-run the scheduler.
  CREATE TABLE review_log (
    id                 INTEGER PRIMARY KEY,
    card_id            INTEGER NOT NULL REFERENCES cards(id),
    kind               TEXT NOT NULL DEFAULT 'review' CHECK (kind IN ('review', 'manual', 'reset', 'reschedule')),
    source             TEXT NOT NULL DEFAULT 'app' CHECK (source IN ('app', 'anki')),
    source_key         TEXT UNIQUE,                -- e.g. the Anki revlog id: re-import skips rows it has
    rating             INTEGER NOT NULL,           -- 0 manual, 1 again, 2 hard, 3 good, 4 easy
    review             INTEGER NOT NULL,           -- when (epoch ms)
    state              INTEGER NOT NULL,
    due                INTEGER NOT NULL,
    stability          REAL NOT NULL,
    difficulty         REAL NOT NULL,
    elapsed_days       INTEGER,                    -- deprecated in ts-fsrs (gone in 6.0): nullable on purpose
    last_elapsed_days  INTEGER,
    scheduled_days     INTEGER NOT NULL,
    learning_steps     INTEGER NOT NULL,
    new_state          INTEGER NOT NULL,
    new_due            INTEGER NOT NULL,
    new_stability      REAL NOT NULL,
    new_difficulty     REAL NOT NULL,
    new_scheduled_days INTEGER NOT NULL,
    new_learning_steps INTEGER NOT NULL,
    duration_ms        INTEGER,
    snapshot           TEXT                        -- JSON of the whole card row before the answer: undo restores it
  );
  CREATE INDEX review_log_card ON review_log (card_id, review);
  -- Covering index for the statistics (true retention, heatmap, daily limits): a year of reviews is read from the
  -- index alone, never from the wide rows that hold the snapshot.
  CREATE INDEX review_log_review ON review_log (review, kind, state, rating, scheduled_days, card_id);

  -- Reviews per UTC hour, kept by triggers on review_log (app answers, undo, imports alike): true retention and the
  -- heatmap read a year as ~9,000 small rows instead of scanning hundreds of thousands of log rows. An hour is fine
  -- enough to regroup by study day for every whole-hour time zone and rollover. mature = a review-state card whose
  -- interval before the answer was 21 days or more; passed/failed count review-state answers only; flash_new and
  -- flash_reviews count flashcard answers of new and review-state cards (the daily limits).
  CREATE TABLE review_hours (
    hour          INTEGER NOT NULL,
    mature        INTEGER NOT NULL,
    reviews       INTEGER NOT NULL DEFAULT 0,
    passed        INTEGER NOT NULL DEFAULT 0,
    failed        INTEGER NOT NULL DEFAULT 0,
    flash_new     INTEGER NOT NULL DEFAULT 0,
    flash_reviews INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (hour, mature)
  ) WITHOUT ROWID;
  CREATE TRIGGER review_hours_insert AFTER INSERT ON review_log WHEN NEW.kind = 'review' BEGIN
    INSERT INTO review_hours (hour, mature, reviews, passed, failed, flash_new, flash_reviews)
    SELECT NEW.review / 3600000, NEW.state = 2 AND NEW.scheduled_days >= 21, 1, NEW.state = 2 AND NEW.rating > 1, NEW.state = 2 AND NEW.rating = 1,
      f AND NEW.state = 0, f AND NEW.state = 2
    FROM (SELECT coalesce((SELECT flashcard_id IS NOT NULL FROM cards WHERE id = NEW.card_id), 0) AS f) WHERE true
    ON CONFLICT (hour, mature) DO UPDATE SET reviews = reviews + 1, passed = passed + excluded.passed, failed = failed + excluded.failed,
      flash_new = flash_new + excluded.flash_new, flash_reviews = flash_reviews + excluded.flash_reviews;
  END;
  CREATE TRIGGER review_hours_delete AFTER DELETE ON review_log WHEN OLD.kind = 'review' BEGIN
    UPDATE review_hours SET reviews = reviews - 1, passed = passed - (OLD.state = 2 AND OLD.rating > 1), failed = failed - (OLD.state = 2 AND OLD.rating = 1),
      flash_new = flash_new - (f AND OLD.state = 0), flash_reviews = flash_reviews - (f AND OLD.state = 2)
    FROM (SELECT coalesce((SELECT flashcard_id IS NOT NULL FROM cards WHERE id = OLD.card_id), 0) AS f)
    WHERE hour = OLD.review / 3600000 AND mature = (OLD.state = 2 AND OLD.scheduled_days >= 21);
  END;

  -- The undo stack (Ctrl+Z): the newest row is undone first. An answer points at its log row (whose snapshot is
  -- restored); other actions carry their own snapshot.
  CREATE TABLE card_undo (
    id       INTEGER PRIMARY KEY,
    at       INTEGER NOT NULL,
    action   TEXT NOT NULL,
    card_id  INTEGER NOT NULL,
    log_id   INTEGER,
    snapshot TEXT
  );

  -- A question card reviewed by an attempt in a block: the suggested grade and the one committed (changeable).
  CREATE TABLE block_item_reviews (
    block_id  INTEGER NOT NULL,
    position  INTEGER NOT NULL,
    card_id   INTEGER NOT NULL REFERENCES cards(id),
    log_id    INTEGER NOT NULL,
    suggested INTEGER NOT NULL,
    reason    TEXT NOT NULL,
    PRIMARY KEY (block_id, position),
    FOREIGN KEY (block_id, position) REFERENCES block_items (block_id, position) ON DELETE CASCADE
  ) WITHOUT ROWID;
  `,
  // Issue 11 (readiness dashboard): the self-assessment log on each product's own scale (replaces migration 1's
  // never-written self_assessments), readiness snapshots with their method version, real exam results, and a daily
  // rollup of scored answers kept by triggers so every dashboard aggregate reads thousands of rows, not 500,000.
  `
  DROP TABLE self_assessments;
  CREATE TABLE self_assessments (
    id               INTEGER PRIMARY KEY,
    exam             TEXT NOT NULL,               -- step1 | step2ck | step3
    product          TEXT NOT NULL,               -- catalogue id: nbme-cbssa, nbme-ccssa, nbme-ccmsa, uwsa, amboss-sa, free120, custom
    form             TEXT NOT NULL DEFAULT '',
    taken_on         TEXT NOT NULL,               -- ISO date (planned: the scheduled date)
    status           TEXT NOT NULL,               -- taken | planned
    scale            TEXT NOT NULL,               -- epc | three-digit | ccmsa | percent: the product's own scale
    score            REAL,                        -- NULL while planned
    pass_probability REAL,                        -- CBSSA: the probability of passing its report printed (0–1)
    sections_json    TEXT NOT NULL DEFAULT '[]',  -- [{name, score}]
    comment          TEXT NOT NULL DEFAULT '',
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
  );
  CREATE INDEX self_assessments_exam ON self_assessments (exam, taken_on);

  CREATE TABLE readiness_snapshots (
    day            TEXT NOT NULL,                 -- local ISO date it was computed
    exam           TEXT NOT NULL,
    exam_date      TEXT,
    method_version TEXT NOT NULL,
    result_json    TEXT NOT NULL,                 -- the whole Readiness as shown
    PRIMARY KEY (day, exam)
  ) WITHOUT ROWID;

  CREATE TABLE exam_results (
    id         INTEGER PRIMARY KEY,
    exam       TEXT NOT NULL,
    taken_on   TEXT NOT NULL,
    score      REAL,                              -- 3-digit score when one is reported
    passed     INTEGER,                           -- 1 pass, 0 fail, NULL not given
    created_at INTEGER NOT NULL
  );

  -- One row per dimension value × day × mode × first/repeat: dim 'all' (value '') feeds totals, days and time; 'system',
  -- 'discipline', 'pack' (value = pack id) and 'exam' feed the performance tables. Each stays at most a few tens of
  -- thousands of rows after years of daily study, where block_items holds every answer.
  CREATE TABLE answer_rollup (
    dim               TEXT NOT NULL,              -- all | system | discipline | pack | exam
    value             TEXT NOT NULL,              -- '' = not tagged (and for dim 'all')
    day               TEXT NOT NULL,              -- local date the answer was scored
    mode              TEXT NOT NULL,              -- timed | tutor | untimed
    first             INTEGER NOT NULL,           -- 1 = first attempt at the question, 0 = a repeat
    n                 INTEGER NOT NULL,           -- scored items (omitted count as scored, as on the exam)
    correct           INTEGER NOT NULL,
    omitted           INTEGER NOT NULL,
    time_ms           INTEGER NOT NULL,
    over_pace         INTEGER NOT NULL,           -- items that took longer than the exam pace (90 s)
    over_pace_correct INTEGER NOT NULL,
    PRIMARY KEY (dim, value, day, mode, first)
  ) WITHOUT ROWID;

  CREATE INDEX blocks_finished ON blocks (status, finished_at);
  -- Memory panel and plan: covering indexes over issue 9's cards (the flags are columns here, not a partial WHERE,
  -- so SQLite answers from the index alone): retrievability per question card, and cards falling due per day.
  CREATE INDEX cards_readiness_memory ON cards (question_id, state, last_review, stability, suspended, deleted_at);
  CREATE INDEX cards_readiness_due ON cards (due, suspended, deleted_at);

  -- When an item gets its outcome (block end, tutor submit) or is inserted already scored, it joins the rollup of its
  -- day under each dimension. The time is the block's running segment start (folded to "now" just before scoring),
  -- else the item's last answer event, else the block's start.
  CREATE TRIGGER answer_rollup_update AFTER UPDATE OF outcome ON block_items
  WHEN OLD.outcome IS NULL AND NEW.outcome IS NOT NULL
  BEGIN
    INSERT INTO answer_rollup (dim, value, day, mode, first, n, correct, omitted, time_ms, over_pace, over_pace_correct)
    SELECT k.dim, CASE k.dim WHEN 'all' THEN '' WHEN 'system' THEN x.system WHEN 'discipline' THEN x.discipline WHEN 'pack' THEN x.pack ELSE x.exam END,
           x.day, x.mode, x.first, 1, x.correct, x.omitted, x.time_ms, x.over_pace, x.over_pace_correct
    FROM (SELECT date(coalesce(b.running_since, (SELECT max(e.at) FROM answer_events e WHERE e.block_id = NEW.block_id AND e.position = NEW.position), b.created_at) / 1000, 'unixepoch', 'localtime') AS day,
                 b.mode AS mode, coalesce(NEW.repeat_of, 0) = 0 AS first, coalesce(q.system, '') AS system, coalesce(q.discipline, '') AS discipline,
                 CAST(q.pack_id AS TEXT) AS pack, coalesce(q.exam, '') AS exam, NEW.outcome = 'correct' AS correct, NEW.outcome = 'omitted' AS omitted,
                 NEW.time_ms AS time_ms, NEW.time_ms > 90000 AS over_pace, NEW.time_ms > 90000 AND NEW.outcome = 'correct' AS over_pace_correct
          FROM blocks b, questions q WHERE b.id = NEW.block_id AND q.id = NEW.question_id) AS x,
         (SELECT 'all' AS dim UNION ALL SELECT 'system' UNION ALL SELECT 'discipline' UNION ALL SELECT 'pack' UNION ALL SELECT 'exam') AS k
    WHERE 1
    ON CONFLICT (dim, value, day, mode, first) DO UPDATE SET
      n = n + 1, correct = correct + excluded.correct, omitted = omitted + excluded.omitted, time_ms = time_ms + excluded.time_ms,
      over_pace = over_pace + excluded.over_pace, over_pace_correct = over_pace_correct + excluded.over_pace_correct;
  END;
  CREATE TRIGGER answer_rollup_insert AFTER INSERT ON block_items
  WHEN NEW.outcome IS NOT NULL
  BEGIN
    INSERT INTO answer_rollup (dim, value, day, mode, first, n, correct, omitted, time_ms, over_pace, over_pace_correct)
    SELECT k.dim, CASE k.dim WHEN 'all' THEN '' WHEN 'system' THEN x.system WHEN 'discipline' THEN x.discipline WHEN 'pack' THEN x.pack ELSE x.exam END,
           x.day, x.mode, x.first, 1, x.correct, x.omitted, x.time_ms, x.over_pace, x.over_pace_correct
    FROM (SELECT date(coalesce(b.finished_at, b.created_at) / 1000, 'unixepoch', 'localtime') AS day,
                 b.mode AS mode, coalesce(NEW.repeat_of, 0) = 0 AS first, coalesce(q.system, '') AS system, coalesce(q.discipline, '') AS discipline,
                 CAST(q.pack_id AS TEXT) AS pack, coalesce(q.exam, '') AS exam, NEW.outcome = 'correct' AS correct, NEW.outcome = 'omitted' AS omitted,
                 NEW.time_ms AS time_ms, NEW.time_ms > 90000 AS over_pace, NEW.time_ms > 90000 AND NEW.outcome = 'correct' AS over_pace_correct
          FROM blocks b, questions q WHERE b.id = NEW.block_id AND q.id = NEW.question_id) AS x,
         (SELECT 'all' AS dim UNION ALL SELECT 'system' UNION ALL SELECT 'discipline' UNION ALL SELECT 'pack' UNION ALL SELECT 'exam') AS k
    WHERE 1
    ON CONFLICT (dim, value, day, mode, first) DO UPDATE SET
      n = n + 1, correct = correct + excluded.correct, omitted = omitted + excluded.omitted, time_ms = time_ms + excluded.time_ms,
      over_pace = over_pace + excluded.over_pace, over_pace_correct = over_pace_correct + excluded.over_pace_correct;
  END;

  -- Answers scored before this migration.
  INSERT INTO answer_rollup (dim, value, day, mode, first, n, correct, omitted, time_ms, over_pace, over_pace_correct)
  SELECT k.dim, CASE k.dim WHEN 'all' THEN '' WHEN 'system' THEN x.system WHEN 'discipline' THEN x.discipline WHEN 'pack' THEN x.pack ELSE x.exam END AS value,
         x.day, x.mode, x.first, count(*), total(x.correct), total(x.omitted), total(x.time_ms), total(x.over_pace), total(x.over_pace_correct)
  FROM (SELECT date(coalesce(b.finished_at, b.created_at) / 1000, 'unixepoch', 'localtime') AS day, b.mode AS mode, coalesce(i.repeat_of, 0) = 0 AS first,
               coalesce(q.system, '') AS system, coalesce(q.discipline, '') AS discipline, CAST(q.pack_id AS TEXT) AS pack, coalesce(q.exam, '') AS exam,
               i.outcome = 'correct' AS correct, i.outcome = 'omitted' AS omitted, i.time_ms AS time_ms, i.time_ms > 90000 AS over_pace,
               i.time_ms > 90000 AND i.outcome = 'correct' AS over_pace_correct
        FROM block_items i JOIN blocks b ON b.id = i.block_id JOIN questions q ON q.id = i.question_id WHERE i.outcome IS NOT NULL) AS x,
       (SELECT 'all' AS dim UNION ALL SELECT 'system' UNION ALL SELECT 'discipline' UNION ALL SELECT 'pack' UNION ALL SELECT 'exam') AS k
  GROUP BY 1, 2, 3, 4, 5;
  `,
  // Dashboard "why I missed it" (issues 8 + 11): the tagged attempts with the two columns the panel groups by, so it
  // reads the index alone instead of looking up every tagged answer's row (125 → 78 ms at 50,000 tagged answers).
  `
  CREATE INDEX block_items_reason_cover ON block_items (reason, block_id, question_id) WHERE reason IS NOT NULL;
  `,
  // Systems inferred from a question's own words (issue 14): opt-in per pack, stored as inferred so every screen can
  // say so and a removal finds exactly them. A re-import that changes the question resets the flag with the system.
  `
  ALTER TABLE questions ADD COLUMN system_inferred INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX questions_system_inferred ON questions (pack_id, system) WHERE system_inferred = 1;
  `,
  // Issue 14 (delete a block with Undo): each scored item remembers the local day its answer joined answer_rollup, so
  // deleting the block takes exactly that contribution back out (the day depends on when it was scored, which nothing
  // else records). Deleted blocks wait in deleted_blocks, as one JSON snapshot of every row that left, for Undo.
  `
  ALTER TABLE block_items ADD COLUMN rollup_day TEXT;
  -- Answers scored before this migration: the submit time of a tutor answer, else the block's end (the day the
  -- rollup trigger used whenever the block was running when it ended).
  UPDATE block_items SET rollup_day = date(coalesce(
      (SELECT max(e.at) FROM answer_events e WHERE e.block_id = block_items.block_id AND e.position = block_items.position AND e.kind = 'submit'),
      (SELECT coalesce(b.finished_at, b.created_at) FROM blocks b WHERE b.id = block_items.block_id)) / 1000, 'unixepoch', 'localtime')
  WHERE outcome IS NOT NULL;
  -- The same day expression as answer_rollup_update (migration "issue 11"), evaluated in the same statement.
  CREATE TRIGGER block_items_rollup_day AFTER UPDATE OF outcome ON block_items
  WHEN OLD.outcome IS NULL AND NEW.outcome IS NOT NULL
  BEGIN
    UPDATE block_items SET rollup_day = (
      SELECT date(coalesce(b.running_since, (SELECT max(e.at) FROM answer_events e WHERE e.block_id = NEW.block_id AND e.position = NEW.position), b.created_at) / 1000, 'unixepoch', 'localtime')
      FROM blocks b WHERE b.id = NEW.block_id)
    WHERE block_id = NEW.block_id AND position = NEW.position;
  END;

  CREATE TABLE deleted_blocks (
    id         INTEGER PRIMARY KEY,
    deleted_at INTEGER NOT NULL,
    block_ids  TEXT NOT NULL,                     -- JSON [id, …]: the block, or every block of its exam day
    snapshot   TEXT NOT NULL                      -- JSON of every row removed or changed (blocks/undo.ts)
  );
  `,
  // Issue 14 (dashboard within budget): "why I missed it" counts per reason × system × week, kept by triggers in the
  // transaction that tags, re-tags or deletes an attempt, finishes or deletes a block, or re-tags a question's system,
  // so the panel reads a few thousand rows instead of grouping every tagged answer (83 ms at 50,000). A week is the
  // local Monday of the block's end (its start while it is open), as the panel always defined it. The covering index
  // the panel used to read goes: nothing reads it now. And two indexes for the memory panel (below).
  `
  -- Memory panel: the cards whose recall it averages (live and reviewed) and nothing else, so a pass over them tests no
  -- flag per card; and each question's system by id, so the per-system pass looks it up in a narrow index instead of
  -- the wide question rows (49 → 32 ms at 40,000 question cards). They replace cards_readiness_memory.
  CREATE INDEX cards_recall ON cards (question_id, last_review, stability, state, suspended, deleted_at)
    WHERE deleted_at IS NULL AND suspended = 0 AND state <> 0 AND last_review IS NOT NULL AND stability > 0;
  CREATE INDEX questions_system ON questions (id, system);
  DROP INDEX cards_readiness_memory;

  CREATE TABLE reason_rollup (
    reason TEXT NOT NULL,                          -- src/shared/reasons.ts
    system TEXT NOT NULL,                          -- the question's system now; '' = not tagged
    week   TEXT NOT NULL,                          -- local ISO date of the Monday starting the week
    n      INTEGER NOT NULL,                       -- tagged attempts (rows falling to 0 stay; readers skip them)
    PRIMARY KEY (reason, system, week)
  ) WITHOUT ROWID;

  CREATE TRIGGER reason_rollup_item_insert AFTER INSERT ON block_items WHEN NEW.reason IS NOT NULL BEGIN
    INSERT INTO reason_rollup (reason, system, week, n)
    SELECT NEW.reason, coalesce(q.system, ''), date(coalesce(b.finished_at, b.created_at) / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days'), 1
    FROM blocks b, questions q WHERE b.id = NEW.block_id AND q.id = NEW.question_id
    ON CONFLICT (reason, system, week) DO UPDATE SET n = n + 1;
  END;
  -- A block deleted with its items (ON DELETE CASCADE) is gone when its items' trigger runs: the block's own trigger
  -- below takes its tags out first, and this one then finds no block and does nothing.
  CREATE TRIGGER reason_rollup_item_delete AFTER DELETE ON block_items WHEN OLD.reason IS NOT NULL BEGIN
    UPDATE reason_rollup SET n = n - 1 WHERE (reason, system, week) =
      (SELECT OLD.reason, coalesce(q.system, ''), date(coalesce(b.finished_at, b.created_at) / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days') FROM blocks b, questions q WHERE b.id = OLD.block_id AND q.id = OLD.question_id);
  END;
  CREATE TRIGGER reason_rollup_item_update AFTER UPDATE OF reason, block_id, question_id ON block_items
  WHEN OLD.reason IS NOT NEW.reason OR OLD.block_id <> NEW.block_id OR OLD.question_id <> NEW.question_id
  BEGIN
    UPDATE reason_rollup SET n = n - 1 WHERE OLD.reason IS NOT NULL AND (reason, system, week) =
      (SELECT OLD.reason, coalesce(q.system, ''), date(coalesce(b.finished_at, b.created_at) / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days') FROM blocks b, questions q WHERE b.id = OLD.block_id AND q.id = OLD.question_id);
    INSERT INTO reason_rollup (reason, system, week, n)
    SELECT NEW.reason, coalesce(q.system, ''), date(coalesce(b.finished_at, b.created_at) / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days'), 1
    FROM blocks b, questions q WHERE NEW.reason IS NOT NULL AND b.id = NEW.block_id AND q.id = NEW.question_id
    ON CONFLICT (reason, system, week) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER reason_rollup_block_delete BEFORE DELETE ON blocks BEGIN
    UPDATE reason_rollup SET n = n - x.k
    FROM (SELECT i.reason AS reason, coalesce(q.system, '') AS system, count(*) AS k FROM block_items i JOIN questions q ON q.id = i.question_id
          WHERE i.block_id = OLD.id AND i.reason IS NOT NULL GROUP BY 1, 2) AS x
    WHERE reason_rollup.reason = x.reason AND reason_rollup.system = x.system AND reason_rollup.week = date(coalesce(OLD.finished_at, OLD.created_at) / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days');
  END;
  -- Finishing a block (or any change of its end or start) moves its tags to the week it now belongs to.
  CREATE TRIGGER reason_rollup_block_week AFTER UPDATE OF finished_at, created_at ON blocks
  WHEN date(coalesce(OLD.finished_at, OLD.created_at) / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days') IS NOT date(coalesce(NEW.finished_at, NEW.created_at) / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days')
  BEGIN
    UPDATE reason_rollup SET n = n - x.k
    FROM (SELECT i.reason AS reason, coalesce(q.system, '') AS system, count(*) AS k FROM block_items i JOIN questions q ON q.id = i.question_id
          WHERE i.block_id = NEW.id AND i.reason IS NOT NULL GROUP BY 1, 2) AS x
    WHERE reason_rollup.reason = x.reason AND reason_rollup.system = x.system AND reason_rollup.week = date(coalesce(OLD.finished_at, OLD.created_at) / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days');
    INSERT INTO reason_rollup (reason, system, week, n)
    SELECT i.reason, coalesce(q.system, ''), date(coalesce(NEW.finished_at, NEW.created_at) / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days'), count(*) FROM block_items i JOIN questions q ON q.id = i.question_id
    WHERE i.block_id = NEW.id AND i.reason IS NOT NULL GROUP BY 1, 2
    ON CONFLICT (reason, system, week) DO UPDATE SET n = n + excluded.n;
  END;
  -- A question's system changed (re-import, tagging): its tagged attempts move to the new system.
  CREATE TRIGGER reason_rollup_question_system AFTER UPDATE OF system ON questions WHEN OLD.system IS NOT NEW.system BEGIN
    UPDATE reason_rollup SET n = n - x.k
    FROM (SELECT i.reason AS reason, date(coalesce(b.finished_at, b.created_at) / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days') AS week, count(*) AS k FROM block_items i JOIN blocks b ON b.id = i.block_id
          WHERE i.question_id = NEW.id AND i.reason IS NOT NULL GROUP BY 1, 2) AS x
    WHERE reason_rollup.reason = x.reason AND reason_rollup.system = coalesce(OLD.system, '') AND reason_rollup.week = x.week;
    INSERT INTO reason_rollup (reason, system, week, n)
    SELECT i.reason, coalesce(NEW.system, ''), date(coalesce(b.finished_at, b.created_at) / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days'), count(*) FROM block_items i JOIN blocks b ON b.id = i.block_id
    WHERE i.question_id = NEW.id AND i.reason IS NOT NULL GROUP BY 1, 3
    ON CONFLICT (reason, system, week) DO UPDATE SET n = n + excluded.n;
  END;

  -- Reasons tagged before this migration.
  INSERT INTO reason_rollup (reason, system, week, n)
  SELECT i.reason, coalesce(q.system, ''), date(coalesce(b.finished_at, b.created_at) / 1000, 'unixepoch', 'localtime', 'weekday 0', '-6 days'), count(*)
  FROM block_items i JOIN blocks b ON b.id = i.block_id JOIN questions q ON q.id = i.question_id
  WHERE i.reason IS NOT NULL GROUP BY 1, 2, 3;
  DROP INDEX block_items_reason_cover;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
