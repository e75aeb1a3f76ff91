# Packaging targets (issue 6), included at the end of the top Makefile, which defines VENV,
# BIN, STAMP_RUN and STAMP_TEST and has `package: package-deb`. See packaging/README.md.
#
#   make package          bundle (dist/codepath/) + Debian package (dist/*.deb)   [Linux]
#   make package-deps     check the Debian build dependencies (packaging/linux/build-deps.txt)
#   make package-bundle   only the PyInstaller one-folder bundle                   [any OS]
#   make package-check    build both, then run tests/packaging against them (CI: check_package.sh)
#   make package-bench    start-up of the bundle against the venv
#
# PyInstaller is a build tool only: it is installed into the venv here, not a runtime dependency.

PYINSTALLER_REQ ?= pyinstaller>=6.10,<7
STAMP_PACKAGING := $(VENV)/.installed-packaging
BUNDLE_DIR := dist/codepath

.PHONY: package-deps package-bundle package-deb package-check package-bench package-clean

# first, before any building: one line naming the Debian packages to install, if any
package-deps:
	@packaging/linux/check_build_deps.sh

$(STAMP_PACKAGING): $(STAMP_RUN)
	$(BIN)/python -m pip install --quiet '$(PYINSTALLER_REQ)'
	touch $@

package-bundle: $(STAMP_PACKAGING)
	rm -f $(BUNDLE_DIR).source-digest
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/codepath.spec
	$(BIN)/python packaging/source_digest.py --write $(BUNDLE_DIR).source-digest
	@du -sh $(BUNDLE_DIR)

package-deb: package-deps package-bundle
	$(BIN)/python packaging/linux/build_deb.py --bundle $(BUNDLE_DIR) --out-dir dist

package-check: package-deb $(STAMP_TEST)
	CODEPATH_PACKAGING_TEST=1 QT_QPA_PLATFORM=offscreen \
		$(BIN)/python -m pytest -v tests/packaging

package-bench: $(STAMP_RUN)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/bench_bundle.py

package-clean:
	rm -rf build/pyinstaller build/deb build/icons $(BUNDLE_DIR) $(BUNDLE_DIR).source-digest \
		dist/codepath-planner_*.deb
