#!/usr/bin/env bash
# The W3C Nu HTML Checker (npm vnu-jar, run with the installed Java) on
# every page of the built site and its stylesheets: fails on any error.
# Needs "npm ci --prefix .ci" and a built public/ (or the folder given as
# the first argument).
set -euo pipefail
cd "$(dirname "$0")/.."

site=${1:-public}
jar=.ci/node_modules/vnu-jar/build/dist/vnu.jar
mapfile -t css < <(find "$site" -name '*.css' | sort)
pages=$(find "$site" -name '*.html' | wc -l)
# --errors-only: warnings are advice; errors are invalid HTML or CSS.
if ! java -jar "$jar" --errors-only --skip-non-html --also-check-css --format gnu "$site" "${css[@]}"; then
	echo "vnu: errors above (in $pages pages)"
	exit 1
fi
echo "vnu: $pages pages and ${#css[@]} stylesheets, 0 errors"
