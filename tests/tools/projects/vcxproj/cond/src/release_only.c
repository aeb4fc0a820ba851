#error "release_only.c is not part of the Debug|x64 build"
