#!/usr/bin/env bash
# A Java 17 runtime base image for the profile `images`, built without a Docker daemon or a
# container registry: Debian bookworm (minbase) with openjdk-17-jre-headless, by debootstrap from
# a Debian mirror, written as one layer in `docker save` format, which Jib reads as a base:
#   scdf-deploy/images/base-image.sh [OUT.tar]        (default: ~/.cache/offstream/base-jre17.tar)
#   ./mvnw -Pimages package -Doffstream.image.base=tar://$HOME/.cache/offstream/base-jre17.tar
# Where a registry is reachable the default base (eclipse-temurin:17-jre) needs none of this.
# Needs root (debootstrap) and the debootstrap package. OFFSTREAM_DEBIAN_MIRROR picks the mirror.
set -euo pipefail

out=${1:-$HOME/.cache/offstream/base-jre17.tar}
mirror=${OFFSTREAM_DEBIAN_MIRROR:-http://deb.debian.org/debian}
command -v debootstrap >/dev/null || { echo "base-image.sh: debootstrap is missing (apt-get install debootstrap)" >&2; exit 1; }
[[ $(id -u) == 0 ]] || { echo "base-image.sh: debootstrap needs root" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "[base-image] debootstrap bookworm + openjdk-17-jre-headless from $mirror"
debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
# what only the build needed
rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/* "$work"/rootfs/usr/share/doc/* "$work"/rootfs/usr/share/man/*
[[ -x "$work/rootfs/usr/lib/jvm/java-17-openjdk-amd64/bin/java" ]] || { echo "base-image.sh: no java in the image" >&2; exit 1; }

mkdir "$work/image"
tar -C "$work/rootfs" --numeric-owner --sort=name --mtime='2000-01-01 00:00:00' -cf "$work/image/layer.tar" .
diff_id=$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
cat >"$work/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64","LANG=C.UTF-8"],
           "Cmd":["java","-version"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]}}
JSON
config_id=$(sha256sum "$work/config.json" | cut -d' ' -f1)
mv "$work/config.json" "$work/image/$config_id.json"
printf '[{"Config":"%s.json","RepoTags":["offstream/base-jre17:bookworm"],"Layers":["layer.tar"]}]\n' "$config_id" >"$work/image/manifest.json"
mkdir -p "$(dirname "$out")"
tar -C "$work/image" -cf "$out.part" manifest.json "$config_id.json" layer.tar
mv "$out.part" "$out"
echo "[base-image] $out ($(du -h "$out" | cut -f1)); build the images with:"
echo "  ./mvnw -Pimages package -Doffstream.image.base=tar://$out"
