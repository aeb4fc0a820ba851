#error "win32_only.c is not part of the Debug|x64 build"
