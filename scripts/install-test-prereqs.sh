#!/usr/bin/env bash
# The system packages the tests need (Debian 12): Chromium for the end-to-end tests, CJK fonts,
# LibreOffice and poppler to turn exported documents into PDF and PNG, python3-docx/openpyxl to
# read them back. Runs apt-get as root, or through sudo.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  chromium fonts-noto-cjk libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils \
  python3-docx python3-openpyxl xvfb >/dev/null
# The official-document fonts (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312) are not free; render them
# with Noto CJK so converted documents look as they would in an office.
$SUDO mkdir -p /etc/fonts/conf.d
$SUDO cp "$(dirname "$0")/fontconfig-gbt9704.conf" /etc/fonts/conf.d/60-gbt9704-aliases.conf
$SUDO fc-cache -f >/dev/null 2>&1 || true
echo "test prerequisites installed"
