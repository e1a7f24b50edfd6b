export const MAIN_HELP = `trust-center: check and publish a trust center's policies

Usage:
  trust-center validate [manifest] [--strict] [--security-txt FILE]
  trust-center build [policies] --out DIR --site URL [options]
  trust-center help [command]

Commands:
  validate   Check the manifest, its policy files, dates, disclosure key and
             leftover template text; optionally a security.txt
  build      Validate, then write a static site: .well-known/security.txt,
             an Atom feed (updates.xml) and one HTML page per policy that
             search engines and visitors without JavaScript can read

Options:
  -h, --help      Show help (also per command: trust-center build --help)
  -v, --version   Print the version

Problems are printed one per line, like a compiler's:
  file:line:column  path  message
Exit codes: 0 ok (warnings allowed), 1 problems found, 2 usage error.
Needs the Node modules from a build first: npm run build.
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
  DIR/trust-center.js, .js.map       the element bundle, copied from dist/
  DIR/policies/...                   the manifest, the files it names and
                                     the images/files the policies link to
                                     inside its folder, copied unchanged
                                     (published types only; never a dotfile,
                                     never through a link out of the folder)
("trust" is --page.) The pages hold the policy text as light-DOM children of
<trust-center>/<trust-center-policy>, rendered by the element's own markdown
pipeline, so they read without JavaScript and upgrade in place with it.

Options:
  --out DIR            Output folder (required). Files an earlier build wrote
                       there and this one does not are removed; nothing else
                       in DIR is touched. Nothing is written or removed
                       through a symbolic link inside DIR.
  --site URL           Where DIR will be served, e.g. https://artisser.example
                       (required; https, or http on localhost / 127.0.0.1 /
                       [::1] for a local preview)
  --page PATH          URL path of the pages within the site (default /trust)
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
