# Sourced by .ci/npm and .ci/run: puts the Node that package.json's devEngines asks for (the
# contributors' Node; several test tools need 22) first on PATH when the machine's node is older.
# That Node comes from the npm registry, the one place CI can reach that has it (Debian 12 ships
# Node 18): the package node-<platform>-<arch>@<major>, a plain binary without install scripts,
# kept in ~/.cache/ect-widgets/ so later runs need no network.
use_dev_node() {
  local root want have dir platform
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  want=$(node -p "/\\d+/.exec(require('$root/package.json').devEngines.runtime.version)[0]")
  have=$(node -p 'process.versions.node.split(".")[0]')
  if ((have >= want)); then
    return 0
  fi
  platform=$(node -p 'process.platform + "-" + process.arch')
  dir="${XDG_CACHE_HOME:-$HOME/.cache}/ect-widgets/node-${platform}-${want}"
  if ! "$dir/node_modules/.bin/node" --version >/dev/null 2>&1; then
    echo "[node] the machine's Node $(node --version) is older than the ${want} of devEngines:" \
      "fetching node-${platform}@${want} from the npm registry into ${dir}" >&2
    rm -rf "$dir"
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund \
      --loglevel=error "node-${platform}@${want}" >&2
  fi
  export PATH="$dir/node_modules/.bin:$PATH"
  hash -r
  echo "[node] using Node $(node --version) from ${dir}" >&2
}
