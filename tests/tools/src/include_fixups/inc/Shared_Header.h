/* Included as "..\inc\shared_header.h" and "../INC/shared_header.h". */
#ifndef SHARED_HEADER_H
#define SHARED_HEADER_H
#define SHARED_VALUE 3
#endif
