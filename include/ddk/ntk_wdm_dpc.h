/*
 * ntk_wdm_dpc.h - part of wdm.h (included by it only): see the comment on its include line.
 */
#ifndef NTK_WDM_DPC_H
#define NTK_WDM_DPC_H

#endif
