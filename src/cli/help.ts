// The --help text of every command. Kept together so docs/cli.md and the tests can check them.

export const MAIN_HELP = `salesfold — sales management as events folded into projections

Usage: salesfold <command> [options]

Commands:
  demo       run a realistic quarter for two teams and eight reps, and print the reports
  validate   check a JSON Lines file of events; report every invalid line; write nothing
  import     validate, then append a JSON Lines file of events to a store, idempotently
  report     run a built-in projection over a store and print it as a table, JSON or CSV
  schema     write the JSON Schema of every event and command

Options:
  -h, --help     show help (also after a command: salesfold import --help)
      --debug    print stack traces and every validation issue on errors
  -v, --version  print the version

Exit codes: 0 ok · 1 invalid data · 2 usage error · 3 file or store unavailable · 70 internal error.
Docs: docs/cli.md`;

export const DEMO_HELP = `Usage: salesfold demo [--store memory|sqlite:PATH|postgres://…] [--tenant ID]

Runs a quarter (2026-Q3) for a company with two teams and eight reps: goals set and cascaded, accounts assigned,
interactions, deals, orders and a refund, sales credit, and a tiered commission plan with an accelerator, a cap and
a draw. Prints goal attainment and pacing, a leaderboard, the pipeline and forecast, and each rep's statement.

Options:
  --store    where to store the events (default sqlite:${".salesfold/demo.sqlite"}, recreated on each run;
             in memory when the better-sqlite3 driver is not installed)
  --tenant   the tenant id to write under (default demo); with PostgreSQL, use a new one per run
  --debug    print stack traces on errors`;

export const VALIDATE_HELP = `Usage: salesfold validate FILE.jsonl

Checks every line of a JSON Lines file against the event catalogue of the sales domain, and reports every invalid
line with its line number, the path of the problem and the message. Writes nothing. Exits 1 if any line is invalid.

A line is one JSON object: { "streamId", "type", "data", "eventId"?, "occurredAt"?, "metadata"? },
or a stored envelope exported from a store. Blank lines are skipped. See docs/cli.md.

Options:
  --debug    print stack traces on errors`;

export const IMPORT_HELP = `Usage: salesfold import FILE.jsonl --store memory|sqlite:PATH|postgres://… [--tenant ID] [--chunk N]

Validates the whole file first (nothing is written if any line is invalid), then appends the events stream by
stream, in file order within each stream, one atomic append per stream (split into chunks of --chunk events for
very long streams). Idempotent: lines without an eventId get one derived from their content, so running the same
import again stores nothing new. If the store refuses an append, the appends before it stay stored (the error says
how many); rerun the import once the cause is fixed. Shows a progress bar on a terminal.

Options:
  --store    the target store (required)
  --tenant   the tenant id (default: the store's default tenant)
  --chunk    events per append for long streams (default 1000, at most 100000)
  --debug    print stack traces on errors`;

export const REPORT_HELP = `Usage: salesfold report PROJECTION [--store …] [--period ID] [--format table|json|csv] [--tz ZONE] [--bucket KIND]

Runs a built-in projection over every event of a store and prints it. PROJECTION is one of:
{{projections}}

Options:
  --store    the store to read (default sqlite:.salesfold/demo.sqlite, written by salesfold demo); a SQLite file
             without salesfold's tables is refused and left unchanged
  --tenant   the tenant id (default: demo without --store, as the demo writes; the store's default tenant with one)
  --period   a period id such as 2026-Q3, 2026-07 or 2026-W27 (projections marked * only)
  --format   table (default), json or csv
  --tz       the business time zone periods are placed in (default UTC)
  --bucket   the period kind of bucketed projections: day, week, month (default), quarter, year
  --debug    print stack traces on errors`;

export const SCHEMA_HELP = `Usage: salesfold schema [--out DIR] [--check]

Writes the JSON Schema (draft 2020-12) of every event type and schema version (events/<Type>.v<N>.json: a whole
import line), of every decider's commands (commands/<decider>.json), and an index.json, generated from the zod
schemas. Stale files in events/ and commands/ are removed.

Options:
  --out      the folder to write (default docs/schema)
  --check    write nothing; exit 1 if the folder differs from what would be written
  --debug    print stack traces on errors`;
