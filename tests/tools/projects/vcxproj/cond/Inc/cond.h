/* cond.h - found through AdditionalIncludeDirectories "inc" (the folder is "Inc"). */
#define COND_HEADER_SEEN 1
