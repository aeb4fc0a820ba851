/*
 * ntk_wdm_sync.h - part of wdm.h (included by it only): see the comment on its include line.
 */
#ifndef NTK_WDM_SYNC_H
#define NTK_WDM_SYNC_H

#endif
