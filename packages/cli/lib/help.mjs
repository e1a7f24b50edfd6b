export const MAIN_HELP = `trust-center: check and publish a trust center's policies

Usage:
  trust-center validate [manifest] [--strict] [--security-txt FILE]
  trust-center build [policies] --out DIR --site URL [options]
  trust-center compile [policies] --out DIR [--strict]
  trust-center receive --manifest FILE [--port N] [--db FILE|URL]
  trust-center reports list|show|ack|resolve|status|note|approve|decline|export|backup|migrate
  trust-center help [command]

Commands:
  validate   Check the manifest, its policy files, dates, disclosure key and
             leftover template text; optionally a security.txt
  build      Validate, then write a static site: .well-known/security.txt,
             an Atom feed (updates.xml) and one HTML page per policy that
             search engines and visitors without JavaScript can read,
             with the compiled manifest the pages load
  compile    Validate, then write the policies folder with its compiled
             manifest only, for a site that embeds the element itself
  receive    Run the report receiver: the form's endpoints, the team's
             inbox, the reporter's status page, notifications
  reports    Triage on the command line: list, show, acknowledge, resolve,
             notes, document-request decisions, export and backup

Options:
  -h, --help      Show help (also per command: trust-center build --help)
  -v, --version   Print the version

Problems are printed one per line, like a compiler's:
  file:line:column  path  message
Exit codes: 0 ok (warnings allowed), 1 problems found, 2 usage error.
Install: npm i -D @trust-center/cli trust-center (the command and the receiver
with their Node-only libraries; they run the element's own schema and renderer
from the trust-center package). In a clone of the repository,
run npm run build once first.
`;

export const VALIDATE_HELP = `Usage: trust-center validate [manifest] [options]

Checks a trust-center manifest (default policies/manifest.json; a folder means
the manifest.json in it) and everything it names:
  - the manifest against the element's own schema (dist/node/manifest.js):
    required keys, real YYYY-MM-DD dates, unique policy ids, well-formed
    disclosure e-mail and endpoint, ...
  - dates are not in the future; each policy's "changes" are listed NEWEST
    FIRST, and the newest change is not after the policy's "updated"
  - every policy "source", the logo and disclosure.encryption.key exist and
    are readable UTF-8 files
  - every file the manifest names is inside the manifest's folder (also after
    following symbolic links), is no dotfile and not in a dot-folder, and is
    of a published type (.md .markdown .txt .pdf .png .jpg .jpeg .gif .webp
    .avif .svg .asc .pgp .gpg)
  - names, titles, summaries and addresses hold no line breaks, control
    characters or bidi overrides (they reach security.txt, the feed, titles)
  - the OpenPGP key parses, is a public key, is not expired or revoked, and
    matches disclosure.encryption.fingerprint
  - leftover template text ("placeholder template", "Replace with your
    finalized policy", "lorem ipsum", TODO, FIXME, TBD, "[email protected]"):
    warnings
  - a security.txt against a strict reading of RFC 9116: the one given with
    --security-txt, else .well-known/security.txt in or next to the
    manifest's folder if there is one

Options:
  --strict               Warnings count as problems (exit 1)
  --security-txt FILE    Check this security.txt too
  --no-security-txt      Do not look for a security.txt
  -h, --help             Show this help

Output: one line per problem (file:line:column  path  message), then a summary:
  policies/manifest.json:12:18  policies[0].updated  expected a date YYYY-MM-DD, got "June 5"
  policies/security.md:3:13  policies[0]  warning: leftover template text "This is a placeholder template"
  1 error, 1 warning

Exit codes: 0 no errors (warnings allowed unless --strict), 1 problems found,
2 usage error (unknown option, unreadable manifest file, no build).
`;

export const BUILD_HELP = `Usage: trust-center build [policies] --out DIR --site URL [options]

Validates the manifest ([policies] is a folder with manifest.json, or the
manifest file; default policies/) like "validate", and if it has no errors
writes:
  DIR/.well-known/security.txt       RFC 9116: Contact, Expires, Encryption,
                                     Policy, Preferred-Languages, Canonical
  DIR/updates.xml                    Atom feed, one entry per policy change
  DIR/trust/index.html               the overview
  DIR/trust/<policy-id>/index.html   each policy
  DIR/trust/static.css               styles for the no-JavaScript view
  DIR/trust/assets/trust-center.js   the element bundle, copied from the
  DIR/trust/assets/chunks/           package, with the chunks it loads lazily
  DIR/trust/assets/trust-center-policy.js  <trust-center-policy> alone,
  DIR/trust/assets/policy-chunks/    which the policy pages load, and its
                                     chunks
  DIR/trust/assets/openpgp/          OpenPGP.js, fetched by the disclosure
                                     form only when a report is sent
  DIR/trust/assets/policies/...      the manifest, the files it names and
                                     the images/files the policies link to
                                     inside its folder, copied unchanged
                                     (published types only; never a dotfile,
                                     never through a link out of the folder)
  .../policies/manifest.compiled.json          the compiled manifest (and
  .../policies/manifest.compiled.<hash>.json   the same under its content
  .../policies/compiled/<id>.<lang>.<hash>.json  hash), each policy's text
                                     in every language as the element renders
                                     it; <trust-center src> takes it in place
                                     of manifest.json and loads neither the
                                     validator nor the markdown lexer
("trust" is --page, "trust/assets" is --assets-dir.) The pages hold the
policy text as light-DOM children of <trust-center>/<trust-center-policy>,
rendered by the element's own markdown pipeline, so they read without
JavaScript and upgrade in place with it. Their elements load the hashed
compiled manifest, which the pages preload.

Options:
  --out DIR            Output folder (required). Files an earlier build wrote
                       there and this one does not are removed; nothing else
                       in DIR is touched. Nothing is written or removed
                       through a symbolic link inside DIR. The record of what
                       was written is kept outside DIR, so it is not
                       deployed: in node_modules/.cache/trust-center/ (or
                       $TRUST_CENTER_CACHE_DIR, else ~/.cache/trust-center/).
  --site URL           Where DIR will be served, e.g. https://artisser.example
                       (required; https, or http on localhost / 127.0.0.1 /
                       [::1] for a local preview)
  --page PATH          URL path of the pages within the site (default /trust)
  --assets-dir PATH    Folder of the site (and URL path) for the scripts,
                       chunks and copied policies (default: "assets" under
                       --page, e.g. trust/assets; / puts them at the root,
                       as earlier versions did). A policy id may not name
                       it or one of its folders.
  --expires DATE       security.txt Expires: YYYY-MM-DD, after today and at
                       most a year from now
  --expires-days N     ... or N days from today (1 to 365)
                       (default: a year minus a day from today)
  --languages LIST     Preferred-Languages, and the pages' lang (the first),
                       e.g. en,de (default en)
  --strict             Warnings count as problems: build nothing, exit 1
  -h, --help           Show this help

Exit codes: 0 built, 1 problems found (nothing written), 2 usage error.
`;

export const COMPILE_HELP = `Usage: trust-center compile [policies] --out DIR [--strict]

Validates the manifest like "build" and writes only DIR/policies/: the
manifest, the files it names and the files its policies link to (copied as
"build" copies them), the compiled manifest (manifest.compiled.json and
manifest.compiled.<hash>.json) and compiled/<id>.<lang>.<hash>.json, each
policy's text in every language as the element renders it. Point
<trust-center src> at the compiled manifest: the element then loads neither
the validator nor the markdown lexer. Serve the hashed files with a long
cache lifetime (their names change with their content) and
manifest.compiled.json with revalidation.

Options:
  --out DIR            Output folder (required), as for "build"
  --strict             Warnings count as problems: write nothing, exit 1
  -h, --help           Show this help

Exit codes: 0 written, 1 problems found (nothing written), 2 usage error.
`;

export const RECEIVE_HELP = `Usage: trust-center receive --manifest FILE [options]

Runs the receiver for the disclosure form and document requests, configured
from the manifest (validated first, like "validate"):
  POST <base>/reports, POST <base>/document-requests   the form's endpoints
  GET  <base>/health                                  200 when it takes reports
  GET  <base>/inbox/        the team's inbox (needs TRUST_CENTER_INBOX_TOKEN)
  GET  <base>/status/       the reporter's status page (reference + key)
<base> is the path of disclosure.endpoint without /reports (e.g. /api). From
the manifest: disclosure.acknowledgeBusinessDays (the due date of each
report), disclosure.encryption (plaintext reports are refused when a key is
pinned) and organization.url (the origin allowed to post cross-origin).

Options:
  -m, --manifest FILE    The manifest (or its folder) the form reads (required)
  -p, --port N           Port (default $PORT, else 8787)
  --host ADDRESS         Address to listen on (default 127.0.0.1; 0.0.0.0 in
                         a container)
  --db FILE|URL          SQLite file (default $TRUST_CENTER_DB, else
                         ./trust-center-reports.sqlite) or postgres://…
  --trust-proxy N        Number of proxies in front that append to
                         X-Forwarded-For (for the rate limit; default 0)
  --allow-origin ORIGIN  Another origin allowed to post (repeatable)
  --rate-limit N         Submissions per client address and minute, per
                         route (default 10)
  -h, --help             Show this help

Environment: TRUST_CENTER_INBOX_TOKEN, TRUST_CENTER_SMTP_HOST/PORT/USER/
PASSWORD/SECURE, TRUST_CENTER_MAIL_FROM, TRUST_CENTER_NOTIFY_EMAIL,
TRUST_CENTER_WEBHOOK_URL/SECRET/INCLUDE_REPORT, TRUST_CENTER_PUBLIC_URL,
TRUST_CENTER_TIME_ZONE (see the README's table).

SIGTERM or SIGINT: new submissions get 503, those under way finish storing,
then the database closes. Exit codes: 0 stopped, 1 manifest problems,
2 usage error (bad option, unreadable manifest or database, no build).
`;

export const REPORTS_HELP = `Usage: trust-center reports <subcommand> [arguments] [--db FILE|URL]

The triage inbox on the command line, on the receiver's database (--db, else
$TRUST_CENTER_DB, else ./trust-center-reports.sqlite); safe while the
receiver runs.

  list [--status S] [--json]       Reports (overdue acknowledgements first)
                                   and document requests
  show REF [--json]                One submission, its history and its
                                   notifications
  ack REF [--note T] [--email]     Acknowledged; --email tells the reporter
                                   (if they left an address)
  resolve REF [--note T] [--email] Resolved
  status REF STATUS [--note T] [--email]
                                   Any status: new, acknowledged, triaged,
                                   resolved, duplicate, spam (reports);
                                   new, approved, declined (requests)
  note REF TEXT                    A note in the history, for the team
  approve REF [--email]            Approve a document request
  decline REF [--email]            Decline a document request
  export --out DIR                 One JSON file per submission (with its
                                   history) in DIR/reports/ and
                                   DIR/document-requests/
  backup FILE                      A consistent copy of a SQLite database,
                                   safe while the receiver runs (PostgreSQL:
                                   use pg_dump)
  migrate                          Bring the database's schema up to date

Options:
  --db FILE|URL   The database
  --actor NAME    Who is acting, for the history (default your user name)
  -h, --help      Show this help

--email needs the receiver's e-mail settings in the environment; the e-mail is
queued and the running receiver sends it. Exit codes: 0 done, 1 no such
submission or not allowed, 2 usage error.
`;
