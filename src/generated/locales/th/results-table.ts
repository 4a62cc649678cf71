// Do not modify this file by hand!
// Re-generate this file by running npm run localize:build (lit-localize, then
// scripts/split-locales.js).
import { str } from '@lit/localize';

/* eslint-disable no-irregular-whitespace */

export const templates = {
  'results-table.abbreviation': `ชื่อย่อ`,
  'results-table.answer': `คำตอบ`,
  'results-table.candidate': `ผู้สมัคร`,
  'results-table.constituency': str`เขตเลือกตั้งที่ ${0}`,
  'results-table.counted': `นับคะแนนแล้ว`,
  'results-table.download': `ดาวน์โหลด CSV`,
  'results-table.elected': `ได้รับเลือกตั้ง`,
  'results-table.eligible': `ผู้มีสิทธิเลือกตั้ง`,
  'results-table.invalid': `บัตรเสีย`,
  'results-table.label': `ผลการเลือกตั้ง`,
  'results-table.leading': `คะแนนนำ`,
  'results-table.no-match': `ไม่พบผู้สมัครที่ค้นหา`,
  'results-table.no-vote': `ไม่ประสงค์ลงคะแนน`,
  'results-table.number': `หมายเลข`,
  'results-table.page': str`${0}–${1} จาก ${2}`,
  'results-table.party': `พรรค/กลุ่ม`,
  'results-table.pause': `หยุดอัปเดตอัตโนมัติ`,
  'results-table.paused': `หยุดรายงานผลชั่วคราว`,
  'results-table.race': `เขตเลือกตั้ง`,
  'results-table.rank': `ลำดับ`,
  'results-table.refs-missing': `ไม่พบชื่อในไฟล์อ้างอิงของ กกต. แถวนั้นแสดงรหัสแทน`,
  'results-table.result': `ผล`,
  'results-table.resume': `อัปเดตอัตโนมัติต่อ`,
  'results-table.search': `ค้นหาผู้สมัครหรือพรรค`,
  'results-table.share': `ร้อยละ`,
  'results-table.stations': `หน่วยเลือกตั้งที่นับแล้ว`,
  'results-table.stations-of': str`${0} จาก ${1}`,
  'results-table.turnout': `ผู้มาใช้สิทธิ`,
  'results-table.unofficial': `ผลอย่างไม่เป็นทางการ`,
  'results-table.update': str`อัปเดต ${0} นับแล้ว ${1}`,
  'results-table.valid': `บัตรดี`,
  'results-table.votes': `คะแนน`,
};
