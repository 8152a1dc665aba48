#!/usr/bin/env bash
# Lighthouse 12, mobile, on the home and submission pages in both
# languages: fails when the median of $RUNS runs scores below $MIN (98)
# in performance, accessibility, best practices or SEO. The site is built
# for http://127.0.0.1:$PORT/,
# so that its canonical and hreflang addresses are the ones served, and
# served on the loopback interface only. Needs "npm ci --prefix .ci"
# and Chromium ($CHROME_PATH, default /usr/bin/chromium).
#
# CPU throttling is calibrated to this machine, as Lighthouse's
# throttling guide asks: Lighthouse's fixed 4x slowdown assumes a fast
# desktop, and on a slow or busy host it emulates a phone far slower than
# any real one. A first run measures the host's benchmark index; the
# slowdown is index / 264 (the index of a low-tier phone, a Moto G4 class
# device, in Chrome DevTools' CPU calibration), between 1 and 4, so the
# pages are measured as on a cheap phone. Set CPU_SLOWDOWN to override.
set -euo pipefail
cd "$(dirname "$0")/.."

MIN=${MIN:-98}
# A free port of the moment, so that two runs on one machine never test
# each other's server.
PORT=${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
# Lighthouse scores vary from run to run; its docs advise the median of
# several runs.
RUNS=${RUNS:-3}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
# SRC is the project to build and PAGES the pages to judge (separated by
# spaces); .ci/figures.sh sets them to judge the images' fixture site.
SRC=${SRC:-.}
read -r -a PAGES <<<"${PAGES:-en/ en/submission/ es/ es/informe/}"
FLAGS="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"

work=$(mktemp -d)
server=""
cleanup() {
	if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT

go run ./cmd/site build -src "$SRC" -out "$work/public" -baseurl "http://127.0.0.1:$PORT/" >/dev/null
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$work/public" >/dev/null 2>&1 &
server=$!
up=0
for _ in $(seq 50); do
	if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; then up=1; break; fi
	sleep 0.2
done
if [ "$up" != 1 ]; then
	echo "lighthouse: the file server on 127.0.0.1:$PORT did not start" >&2
	exit 1
fi

# lh URL OUT [FLAGS...] runs Lighthouse once. A run that Chromium itself
# aborts (a runtime error, not a score) is tried once more.
lh() {
	local url=$1 out=$2
	shift 2
	local try
	for try in 1 2; do
		if .ci/node_modules/.bin/lighthouse "$url" --quiet --output=json --output-path="$out" \
			--form-factor=mobile --chrome-flags="$FLAGS" "$@" >/dev/null; then
			return 0
		fi
		echo "lighthouse: run $try on $url failed" >&2
	done
	return 1
}

slowdown=${CPU_SLOWDOWN:-}
if [ -z "$slowdown" ]; then
	lh "http://127.0.0.1:$PORT/" "$work/calibrate.json" --only-categories=performance
	slowdown=$(node -e '
		const i = require(process.argv[1]).environment.benchmarkIndex;
		console.log(Math.min(4, Math.max(1, i / 264)).toFixed(2));
		console.error("lighthouse: host benchmark index " + Math.round(i));
	' "$work/calibrate.json")
fi
echo "lighthouse: CPU slowdown ${slowdown}x"

fail=0
for page in "${PAGES[@]}"; do
	reports=()
	for run in $(seq "$RUNS"); do
		out="$work/report-$(echo "$page" | tr / _)-$run.json"
		lh "http://127.0.0.1:$PORT/$page" "$out" \
			--only-categories=performance,accessibility,best-practices,seo \
			--throttling.cpuSlowdownMultiplier="$slowdown"
		reports+=("$out")
	done
	# Each category's median over the runs, and what cost points in the
	# run that scored lowest.
	line=$(node -e '
		const [min, ...files] = process.argv.slice(1);
		const runs = files.map(f => require(f));
		const cats = ["performance", "accessibility", "best-practices", "seo"];
		let bad = false, out = [], why = [];
		for (const c of cats) {
			const scores = runs.map(r => Math.round(r.categories[c].score * 100)).sort((a, b) => a - b);
			const median = scores[Math.floor(scores.length / 2)];
			out.push(c + " " + median + " (runs " + scores.join(" ") + ")");
			if (median < Number(min)) {
				bad = true;
				const worst = runs.reduce((a, b) => a.categories[c].score <= b.categories[c].score ? a : b);
				for (const ref of worst.categories[c].auditRefs) {
					const a = worst.audits[ref.id];
					if (ref.weight > 0 && a.score !== null && a.score < 1) why.push("    " + c + ": " + a.id + " scored " + a.score + ": " + a.title + (a.displayValue ? " (" + a.displayValue + ")" : ""));
				}
			}
		}
		console.log((bad ? "FAIL " : "ok   ") + out.join(", ") + (why.length ? "\n" + why.join("\n") : ""));
	' "$MIN" "${reports[@]}")
	echo "lighthouse /$page: $line"
	case "$line" in FAIL*) fail=1 ;; esac
done
if [ "$fail" != 0 ]; then
	echo "lighthouse: a score is below $MIN"
	exit 1
fi
