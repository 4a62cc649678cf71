// Do not modify this file by hand!
// Re-generate this file by running npm run localize:build (lit-localize, then
// scripts/split-locales.js).
import { str } from '@lit/localize';

/* eslint-disable no-irregular-whitespace */

export const templates = {
  'calendar.add': `เพิ่มลงในปฏิทินของฉัน`,
  'calendar.all-day': `ทั้งวัน`,
  'calendar.categories': `หมวดหมู่`,
  'calendar.events': str`${0} กิจกรรม`,
  'calendar.incomplete': `กิจกรรมที่จัดซ้ำบางรายการแสดงได้ไม่ครบ เนื่องจากกฎการจัดซ้ำใช้เวลาคำนวณนานเกินไป`,
  'calendar.label': `ปฏิทินกิจกรรม`,
  'calendar.next-month': `เดือนถัดไป`,
  'calendar.no-events-day': `ไม่มีกิจกรรมในวันนี้`,
  'calendar.no-events-month': `ไม่มีกิจกรรมในเดือนนี้`,
  'calendar.one-event': str`${0} กิจกรรม`,
  'calendar.previous-month': `เดือนก่อนหน้า`,
  'calendar.see-all': `ดูปฏิทินทั้งหมด`,
  'calendar.trimmed': str`ปฏิทินนี้มีกิจกรรมจำนวนมาก จึงแสดงเฉพาะ ${0} กิจกรรมที่ใกล้วันนี้ที่สุด (จากทั้งหมด ${1} กิจกรรม)`,
  'calendar.unknown-zone': str`เวลาประเทศไทย (ไม่รู้จักเขตเวลา “${0}”)`,
};
