#!/usr/bin/env bash
# release-check.sh: the release binaries build for every system and are
# reproducible. The first build runs in this checkout; the second from a
# copy of the committed sources at another path, without .git, so neither
# the path nor the checkout can leak into the bytes; and the Linux amd64
# binary once more with an empty build cache, so the cache cannot either
# (one system only: six from scratch would take CI's two cores a quarter
# of an hour).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
commit=$(git rev-parse HEAD)

RELEASE_COMMIT=$commit .ci/release.sh "$tmp/a" v0.0.0-check

mkdir "$tmp/src"
git archive HEAD | tar -x -C "$tmp/src"
(cd "$tmp/src" && RELEASE_COMMIT=$commit .ci/release.sh "$tmp/b" v0.0.0-check)
if ! diff "$tmp/a/SHA256SUMS" "$tmp/b/SHA256SUMS"; then
	echo "release-check: two builds of the same commit differ" >&2
	exit 1
fi

(cd "$tmp/src" && CGO_ENABLED=0 GOOS=linux GOARCH=amd64 GOCACHE="$tmp/cache" go build -trimpath -buildvcs=false -tags nodynamic \
	-ldflags "-s -w -buildid= -X main.version=v0.0.0-check -X main.commit=$commit" -o "$tmp/c/site-v0.0.0-check-linux-amd64" ./cmd/site)
if ! cmp "$tmp/a/site-v0.0.0-check-linux-amd64" "$tmp/c/site-v0.0.0-check-linux-amd64"; then
	echo "release-check: a build with an empty cache differs" >&2
	exit 1
fi
echo "release-check: $(wc -l < "$tmp/a/SHA256SUMS") binaries, byte-identical across two builds"
