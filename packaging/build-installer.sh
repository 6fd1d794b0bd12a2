#!/usr/bin/env bash
# Builds Muonscope's desktop installers with jpackage: an app image with its own Java runtime (jlink) whose launcher
# starts the JVM with the Vector API module, a desktop entry and an icon; and a .deb where dpkg-deb and fakeroot
# exist. Output: packaging/target/Muonscope (run bin/Muonscope) and packaging/target/muonscope_*.deb.
set -euo pipefail
cd "$(dirname "$0")/.."
version=0.1.0
out=packaging/target
[ -f app/target/muonscope.jar ] || mvn -B -q -DskipTests package
rm -rf "$out"
mkdir -p "$out/input"
cp app/target/muonscope.jar "$out/input/"
# the runtime: what the jar uses (jdeps), the Vector API, and what JavaFX reaches for by reflection
modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps "$out/input/muonscope.jar")
modules="$modules,jdk.incubator.vector,jdk.unsupported,jdk.crypto.ec,jdk.localedata"
common=(--name Muonscope --app-version "$version" --vendor Muonscope
        --description "A desktop laboratory for how optimizers learn")
jpackage --type app-image "${common[@]}" --icon assets/icon/muonscope.png --java-options "--add-modules jdk.incubator.vector" \
  --input "$out/input" --main-jar muonscope.jar \
  --main-class org.muonscope.app.Launcher --add-modules "$modules" --jlink-options "--strip-debug --no-header-files --no-man-pages" \
  --dest "$out"
if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  # from the app image above: the same runtime and launcher options; the .deb adds the menu entry and the icon
  jpackage --type deb "${common[@]}" --app-image "$out/Muonscope" --icon assets/icon/muonscope.png --linux-package-name muonscope \
    --linux-shortcut --linux-menu-group "Education;Science" --license-file LICENSE --dest "$out"
  echo "package: $(ls "$out"/*.deb)"
fi
# the unpacked app image's own desktop entry (the .deb installs jpackage's, pointing into /opt/muonscope)
install -m 644 assets/icon/muonscope.png "$out/Muonscope/lib/muonscope.png"
sed "s|@DIR@|$(cd "$out/Muonscope" && pwd)|" packaging/muonscope.desktop > "$out/Muonscope/lib/muonscope.desktop"
echo "app image: $out/Muonscope (launcher bin/Muonscope; desktop entry lib/muonscope.desktop)"
