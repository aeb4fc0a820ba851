/*
 * ntk_wdm_cm.h - part of wdm.h (included by it only): see the comment on its include line.
 */
#ifndef NTK_WDM_CM_H
#define NTK_WDM_CM_H

#endif
