#!/usr/bin/env bash
# Regenerates the students' versions of the assignments with nbgrader's own `generate_assignment`, from
# notebooks/assignments/source/ and nbgrader_config.py, in a throw-away course directory.
#   dev/release-assignments.sh [RELEASE_DIR]   (default notebooks/assignments/release, replaced as a whole)
# Uses the pinned Jupyter environment (dev/setup.sh makes it; JCONCUR_VENV chooses another).
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

case ${1:-} in
  -h | --help)
    echo "Usage: dev/release-assignments.sh [RELEASE_DIR]"
    echo "Writes nbgrader's release of every notebooks/assignments/source/<name>/ to RELEASE_DIR/<name>/."
    exit 0 ;;
esac
[ $# -le 1 ] || die "too many arguments: $* (see --help)"
release=${1:-$JCONCUR_ROOT/notebooks/assignments/release}
nbgrader=$JCONCUR_VENV/bin/nbgrader
[ -x "$nbgrader" ] || die "$nbgrader is missing: run dev/setup.sh --test (it installs requirements.txt)"

assignments=$JCONCUR_ROOT/notebooks/assignments
course=$(mktemp -d)
trap 'rm -rf "$course"' EXIT
cp "$assignments/nbgrader_config.py" "$course/"
cp -R "$assignments/source" "$course/source"
# No user or system Jupyter configuration may change the result.
export JUPYTER_CONFIG_DIR=$course/.jupyter/config JUPYTER_CONFIG_PATH=$course/.jupyter/config \
  JUPYTER_DATA_DIR=$course/.jupyter/data JUPYTER_RUNTIME_DIR=$course/.jupyter/runtime \
  JUPYTER_PATH=$course/.jupyter/data
# nbgrader runs `alembic` (its gradebook's migrations) from PATH.
export PATH=$JCONCUR_VENV/bin:$PATH

for dir in "$course"/source/*/; do
  name=$(basename "$dir")
  (cd "$course" && "$nbgrader" generate_assignment "$name" --force --log-level=WARN) \
    || die "nbgrader generate_assignment $name failed (see above)"
done

rm -rf "$release"
mkdir -p "$(dirname "$release")"
cp -R "$course/release" "$release"
note "wrote nbgrader's release of $(ls "$course/release" | wc -l) assignment(s) to $release"
