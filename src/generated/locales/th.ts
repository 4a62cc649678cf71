// Do not modify this file by hand!
// Re-generate this file by running npm run localize:build (lit-localize, then
// scripts/split-locales.js).
import { str } from '@lit/localize';

/* eslint-disable no-irregular-whitespace */

export const templates = {
  'all': `ทั้งหมด`,
  'empty': `ยังไม่มีข้อมูล`,
  'error-heading': `โหลดข้อมูลไม่สำเร็จ`,
  'loading': `กำลังโหลด…`,
  'new': `ใหม่`,
  'next': `ถัดไป`,
  'pause': `หยุดชั่วคราว`,
  'previous': `ก่อนหน้า`,
  'resume': `เล่นต่อ`,
  'retry': `ลองใหม่`,
  'see-all': `ดูทั้งหมด`,
  'stale': `แสดงข้อมูลที่บันทึกไว้ อัปเดตล่าสุดไม่สำเร็จ`,
  'updated-at': str`อัปเดต ${0}`,
  'view-failed': `โหลดส่วนนี้ของหน้าเว็บไม่สำเร็จ`,
};
