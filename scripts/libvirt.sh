#!/usr/bin/env bash
# libvirt + QEMU for the libvirt driver on Debian (as root, no systemd), and the tiny test guest.
# Sourced by run.sh (with --Driver=libvirt) and test.sh:
#   libvirt_install  apt packages, only when virsh or qemu-system-x86_64 is missing
#   libvirt_up       the /dev/kvm permission fix, then virtlogd and libvirtd (libvirt_daemon_start: under tini, which
#                    reaps exited QEMU processes at once) when they do not already answer
#   libvirt_guest    the test guest (Debian cloud kernel + busybox initramfs + an empty qcow2 base) in .tools/guest
#   libvirt_settings prints the LocalHost settings (one per line) for the test guest: image "tiny" (and "tiny-slow", a
#                    guest that ignores the power button), sizes "small" (1 vCPU, 128 MiB) and "medium" (2 vCPUs, 128 MiB)
#   libvirt_down     stops only the daemons libvirt_up started
# Guests run emulated (domain type 'qemu'): /dev/kvm exists here but the CPU offers no VT-x.
_lv_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LIBVIRT_GUEST_DIR="$_lv_root/.tools/guest"
LIBVIRT_STARTED_LOGD=""
LIBVIRT_STARTED_DAEMON=""

_lv_sudo() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

_lv_answers() { virsh -c qemu:///system version >/dev/null 2>&1; }

libvirt_install() {
  if command -v virsh >/dev/null && command -v qemu-system-x86_64 >/dev/null && [ -x /usr/sbin/libvirtd ] \
     && command -v qemu-img >/dev/null && [ -x /bin/busybox ] && command -v cpio >/dev/null && command -v tini >/dev/null; then
    return 0
  fi
  echo "Installing libvirt, QEMU and busybox from apt ..." >&2
  _lv_sudo apt-get update -q >&2
  # --no-install-recommends and the -sysv package keep systemd out.
  DEBIAN_FRONTEND=noninteractive _lv_sudo apt-get install -y -q --no-install-recommends qemu-system-x86 qemu-utils \
    libvirt-daemon-system libvirt-daemon-system-sysv libvirt-daemon-driver-qemu libvirt-clients \
    busybox-static cpio tini >&2
}

# Starts libvirtd in the foreground under tini as a child subreaper (-s), in the background. libvirtd double-forks
# QEMU, so a QEMU process belongs to the nearest subreaper above it, else to PID 1; and libvirt reports a stop,
# destroy, crash or managed save only once the dead QEMU's pid is gone. An init that reaps orphans late (this
# sandbox's PID 1 left them zombies for 1.2-1.8 s) delays every one of those events by that much; tini reaps at once.
# Without tini, the daemon as before.
libvirt_daemon_start() {
  if command -v tini >/dev/null; then
    _lv_sudo setsid tini -s -- /usr/sbin/libvirtd </dev/null >/dev/null 2>&1 &
  else
    _lv_sudo /usr/sbin/libvirtd -d
  fi
}

libvirt_up() {
  libvirt_install || return 1
  # Without this libvirt re-probes QEMU's capabilities on every call (a define took 44 s).
  if [ -c /dev/kvm ] && getent group kvm >/dev/null; then
    _lv_sudo chgrp kvm /dev/kvm && _lv_sudo chmod 0660 /dev/kvm
  fi
  if _lv_answers; then
    echo "libvirtd already answers on qemu:///system; using it." >&2
    return 0
  fi
  if ! pgrep -x virtlogd >/dev/null; then
    _lv_sudo /usr/sbin/virtlogd -d && LIBVIRT_STARTED_LOGD=1
  fi
  if ! pgrep -x libvirtd >/dev/null; then
    # Not -l: listening on TCP needs TLS certificates; the local socket is enough.
    libvirt_daemon_start && LIBVIRT_STARTED_DAEMON=1
  fi
  # The first start probes QEMU's capabilities (about 8 s here).
  for _ in $(seq 1 300); do
    if _lv_answers; then
      echo "libvirtd answers on qemu:///system." >&2
      return 0
    fi
    sleep 0.2
  done
  echo "libvirtd did not answer on qemu:///system within 60 s" >&2
  return 1
}

libvirt_guest() {
  local dir="$LIBVIRT_GUEST_DIR"
  # Bump when the guest changes, so an existing .tools/guest is rebuilt.
  local version=2
  if [ -s "$dir/vmlinuz" ] && [ -s "$dir/initrd.img" ] && [ -s "$dir/base.qcow2" ] && [ -s "$dir/slow-initrd.img" ] \
     && [ "$(cat "$dir/version" 2>/dev/null)" = "$version" ]; then
    return 0
  fi
  echo "Building the test guest into .tools/guest ..." >&2
  mkdir -p "$dir"
  local work
  work=$(mktemp -d -t vmcontrol-guest.XXXXXX)
  local pkg
  pkg=$(apt-cache depends linux-image-cloud-amd64 | sed -n 's/.*Depends: \(linux-image-[^ ]*\)/\1/p' | head -1)
  [ -n "$pkg" ] || { echo "no Debian cloud kernel package found (apt-get update?)" >&2; rm -rf "$work"; return 1; }
  (cd "$work" && apt-get download -q "$pkg" >&2) || { rm -rf "$work"; return 1; }
  dpkg -x "$work"/linux-image-*.deb "$work/k"
  cp "$work"/k/boot/vmlinuz-* "$dir/vmlinuz"
  local modules
  modules=$(find "$work/k/lib/modules" -name button.ko -o -name evdev.ko)
  _lv_initrd "$work/i" "$dir/initrd.img" "acpi" $modules
  _lv_initrd "$work/s" "$dir/slow-initrd.img" "ignore" $modules
  qemu-img create -q -f qcow2 "$dir/base.qcow2" 64M
  echo "$version" > "$dir/version"
  rm -rf "$work"
  chmod -R a+rX "$dir"
}

# A busybox initramfs whose /init says "vmcontrol-guest ready" with a boot id, beats once a second, and on the ACPI
# power button powers off ("acpi") or does nothing ("ignore": the guest that makes a soft stop slow).
_lv_initrd() {
  local tree=$1 out=$2 mode=$3; shift 3
  mkdir -p "$tree/bin" "$tree/lib/modules" "$tree/proc" "$tree/sys" "$tree/dev"
  cp /bin/busybox "$tree/bin/busybox"
  for m in "$@"; do
    case "$m" in *.ko) cp "$m" "$tree/lib/modules/" ;; *.ko.xz) xz -dc "$m" > "$tree/lib/modules/$(basename "$m" .xz)" ;; esac
  done
  cat > "$tree/init" <<EOF
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
for m in /lib/modules/*.ko; do insmod "\$m" 2>/dev/null; done
boot=\$(cat /proc/sys/kernel/random/boot_id)
# Open every power-button device before saying ready: evdev queues events only for a reader that has it open, so a
# button pressed right after "ready" is never lost.
if [ "$mode" = acpi ]; then
  for _ in \$(seq 1 100); do
    found=""
    for ev in /sys/class/input/event*; do
      grep -q "Power Button" "\$ev/device/name" 2>/dev/null || continue
      dev=/dev/input/\$(basename "\$ev"); found=1
      ( dd bs=24 count=1 >/dev/null 2>&1; echo "vmcontrol-guest power button"; poweroff -f ) < \$dev &
      pid=\$!
      while ! ls -l /proc/\$pid/fd 2>/dev/null | grep -q "\$dev"; do sleep 0.05; done
    done
    [ -n "\$found" ] && break
    sleep 0.1
  done
fi
echo "vmcontrol-guest ready boot=\$boot"
n=0
while :; do n=\$((n+1)); echo "vmcontrol-guest beat \$n boot=\$boot"; sleep 1; done
EOF
  chmod +x "$tree/init"
  (cd "$tree" && find . | cpio -o -H newc --quiet | gzip -1) > "$out"
}

libvirt_settings() {
  local g=$LIBVIRT_GUEST_DIR state="$_lv_root/.tools/libvirt"
  printf '%s\n' "--Libvirt:StateFolder=$state/state" "--Libvirt:ImagesFolder=$state/images" \
    "--Libvirt:Images:tiny:Disk=$g/base.qcow2" "--Libvirt:Images:tiny:Kernel=$g/vmlinuz" "--Libvirt:Images:tiny:Initrd=$g/initrd.img" \
    "--Libvirt:Images:tiny-slow:Disk=$g/base.qcow2" "--Libvirt:Images:tiny-slow:Kernel=$g/vmlinuz" \
    "--Libvirt:Images:tiny-slow:Initrd=$g/slow-initrd.img" \
    "--Libvirt:Sizes:small:Vcpus=1" "--Libvirt:Sizes:small:MemoryMiB=128" \
    "--Libvirt:Sizes:medium:Vcpus=2" "--Libvirt:Sizes:medium:MemoryMiB=128"
}

libvirt_down() {
  if [ -n "$LIBVIRT_STARTED_DAEMON" ]; then
    _lv_sudo kill "$(cat /var/run/libvirtd.pid 2>/dev/null)" 2>/dev/null || true
    LIBVIRT_STARTED_DAEMON=""
  fi
  if [ -n "$LIBVIRT_STARTED_LOGD" ]; then
    _lv_sudo kill "$(cat /var/run/virtlogd.pid 2>/dev/null)" 2>/dev/null || true
    LIBVIRT_STARTED_LOGD=""
  fi
}
