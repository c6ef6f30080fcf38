#!/usr/bin/env bash
# Installs what Newsdex needs to build and test on Debian 12, from Debian's packages only.
# Runs as root, or through sudo when it is there.
set -euo pipefail

packages=(
  g++ cmake make pkg-config
  libxapian-dev      # the index
  libicu-dev         # word breaking, normalisation, case folding
  libcli11-dev       # command lines
  nlohmann-json3-dev # JSON input and output
  libxml2-dev        # HTML and XML readers (a real parser, not regular expressions)
  libarchive-dev     # .gz .bz2 .xz .zst, .tar, .zip, streamed without unpacking
  googletest libgtest-dev
  xapian-tools       # xapian-check / xapian-delve, for inspecting databases
  pybind11-dev python3-dev  # the Python module (python/)
  python3-pytest     # its tests, which ctest runs
  python3-pandas     # optional for users (newsdex.to_frame); here so its tests run too
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
