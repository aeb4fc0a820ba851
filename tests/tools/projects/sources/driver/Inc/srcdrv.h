/* srcdrv.h - found through INCLUDES=inc (the folder is "Inc"). */
#define SRCDRV_HEADER_SEEN 1
