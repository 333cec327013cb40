# Shared table of the platforms lagrs ships natives for. Source it; do not run it.
# classifier (os-maven-plugin naming) -> folder native-lib-loader searches, and library file name.
LAGRS_CLASSIFIERS="linux-x86_64 linux-aarch_64 osx-x86_64 osx-aarch_64 windows-x86_64"

lagrs_loader_dir() {
  case "$1" in
    linux-x86_64) echo linux_64 ;;
    linux-aarch_64) echo linux_arm64 ;;
    osx-x86_64) echo osx_64 ;;
    osx-aarch_64) echo osx_arm64 ;;
    windows-x86_64) echo windows_64 ;;
    *) echo "unsupported classifier: $1" >&2; return 1 ;;
  esac
}

lagrs_library_file() {
  case "$1" in
    linux-*) echo liblagrs.so ;;
    osx-*) echo liblagrs.dylib ;;
    windows-*) echo lagrs.dll ;;
    *) echo "unsupported classifier: $1" >&2; return 1 ;;
  esac
}
