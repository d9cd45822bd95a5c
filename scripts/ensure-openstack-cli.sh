#!/usr/bin/env bash
# Installs Debian's OpenStack client and SDK (python3-openstackclient, python3-openstacksdk) when missing; the
# OpenStack facade's client tests drive them. Also jsonschema and the oslo libraries Tempest's schema validator needs
# (tests/VmControl.OpenStack.Tests/Tempest/validate.py, the Tempest oracle). Uses the system interpreter (/usr/bin/python3): a pyenv python3 on
# PATH would not see the Debian packages.
set -euo pipefail
if [ -x /usr/bin/openstack ] && /usr/bin/python3 -c 'import openstack, jsonschema, oslo_utils.timeutils, oslo_serialization.base64' 2>/dev/null; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
# Other jobs on the machine may hold the dpkg lock: wait for it rather than fail.
$sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
$sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends python3-openstackclient python3-openstacksdk \
  python3-jsonschema python3-oslo.utils python3-oslo.serialization >/dev/null
/usr/bin/openstack --version
