
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'all': `ทั้งหมด`,
'announcements': `ข่าวประกาศ`,
'attachment': `ไฟล์แนบ`,
'empty': `ยังไม่มีข้อมูล`,
'error-heading': `โหลดข้อมูลไม่สำเร็จ`,
'loading': `กำลังโหลด…`,
'new': `ใหม่`,
'next': `ถัดไป`,
'pause': `หยุดชั่วคราว`,
'play': `เล่น`,
'previous': `ก่อนหน้า`,
'retry': `ลองใหม่`,
'see-all': `ดูทั้งหมด`,
'stale': `แสดงข้อมูลที่บันทึกไว้ อัปเดตล่าสุดไม่สำเร็จ`,
'updated-at': str`อัปเดต ${0}`,
    };
  