#!/usr/bin/env bash
# Installs the Bicep CLI from NuGet (Azure.Bicep.CommandLine.linux-x64, the `bicep` binary inside the package)
# into the git-ignored .tools/bicep folder and prints the binary's path. Idempotent: a second run only prints.
# A throw-away project restores the package (PackageDownload, no central package management), so
# Directory.Packages.props stays free of tooling.
set -euo pipefail
BICEP_VERSION=0.49.2
BICEP_PACKAGE=Azure.Bicep.CommandLine.linux-x64
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir="$root/.tools/bicep"
pkg="$dir/packages/$(tr '[:upper:]' '[:lower:]' <<<"$BICEP_PACKAGE")/$BICEP_VERSION"

find_binary() { find "$pkg" -type f -name bicep 2>/dev/null | head -1 || true; }

bin=$(find_binary)
if [ -z "$bin" ]; then
  echo "Installing $BICEP_PACKAGE $BICEP_VERSION into .tools/bicep ..." >&2
  mkdir -p "$dir/restore"
  # Empty Directory.Build.props/.targets and Directory.Packages.props stop the repository's own from being imported.
  echo '<Project />' >"$dir/restore/Directory.Build.props"
  echo '<Project />' >"$dir/restore/Directory.Build.targets"
  echo '<Project />' >"$dir/restore/Directory.Packages.props"
  cat >"$dir/restore/bicep-restore.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="$BICEP_PACKAGE" Version="[$BICEP_VERSION]" />
  </ItemGroup>
</Project>
XML
  dotnet restore "$dir/restore/bicep-restore.csproj" --packages "$dir/packages" -nologo -v q >&2
  bin=$(find_binary)
  [ -n "$bin" ] || { echo "bicep binary not found in $pkg" >&2; exit 1; }
fi
chmod +x "$bin"
echo "$bin"
