// Do not modify this file by hand!
// Re-generate this file by running npm run localize:build (lit-localize, then
// scripts/split-locales.js).
import { str } from '@lit/localize';

/* eslint-disable no-irregular-whitespace */

export const templates = {
  'error.bad-data': str`ข้อมูลมีค่าที่ไม่ถูกต้อง${0}`,
  'error.bad-value': str`ค่าของ "${0}" ไม่ถูกต้อง${1}`,
  'error.columns': str`แถวหัวตารางของ CSV ไม่มีคอลัมน์ "${0}" (ต้องมีหมายเลข ชื่อ และคะแนน)`,
  'error.data-property': `ค่า data ที่กำหนดจากสคริปต์ไม่ใช่ข้อมูล JSON`,
  'error.ect-report': `รายงานผลของ กกต.`,
  'error.empty': `ไฟล์ไม่มีข้อมูล`,
  'error.entities': `ไฟล์ XML ประกาศ entity ที่ไม่อนุญาตให้ใช้`,
  'error.formats-counter': `JSON หรือตัวเลข`,
  'error.formats-events': `iCalendar หรือ JSON`,
  'error.formats-items': `RSS, Atom หรือ JSON`,
  'error.formats-results': `CSV, JSON หรือรายงานผลของ กกต.`,
  'error.html-page': str`ต้องการไฟล์ ${0} แต่ได้รับหน้าเว็บ HTML`,
  'error.http': str`เซิร์ฟเวอร์ตอบกลับ HTTP ${0}`,
  'error.json-shape': str`ไฟล์ JSON ไม่มีช่อง ${0}`,
  'error.kind-counter': `จำนวนผู้เข้าชม`,
  'error.kind-events': `กิจกรรมในปฏิทิน`,
  'error.kind-items': `รายการข่าว`,
  'error.kind-mismatch': str`ส่วนนี้แสดง${0} แต่ข้อมูลเป็น${1}`,
  'error.kind-results': `ผลการเลือกตั้ง`,
  'error.line': str` (บรรทัดที่ ${0})`,
  'error.network': `ติดต่อเซิร์ฟเวอร์ไม่ได้ (ถูกบล็อก หรือเซิร์ฟเวอร์ไม่อนุญาต CORS โปรดดูแอตทริบิวต์ proxy)`,
  'error.offline': `อุปกรณ์ไม่ได้เชื่อมต่ออินเทอร์เน็ต`,
  'error.parser': str`โหลดส่วนที่อ่านไฟล์ ${0} ไม่สำเร็จ (อาจไม่ได้เชื่อมต่ออินเทอร์เน็ต)`,
  'error.province-missing': str`ไม่พบจังหวัด "${0}" ในไฟล์`,
  'error.province-needed': `ไฟล์มีหลายจังหวัด โปรดระบุจังหวัดด้วยแอตทริบิวต์ province`,
  'error.ref-ids': str`${0} ไม่มีรายการ ${1}`,
  'error.syntax': str`ไฟล์ ${0} มีรูปแบบไม่ถูกต้อง${1}`,
  'error.timeout': str`ไม่ได้รับคำตอบภายใน ${0} วินาที`,
  'error.too-large': str`ข้อมูลมีขนาดเกิน ${0} MB`,
  'error.too-many': `ข้อมูลมีจำนวนมากเกินกว่าที่แสดงได้`,
  'error.unknown': `เกิดข้อผิดพลาดขณะอ่านข้อมูล`,
  'error.unknown-format': str`ไม่รู้จักรูปแบบ "${0}" ในแอตทริบิวต์ format`,
  'error.unsupported': `เบราว์เซอร์นี้รับข้อมูลสดไม่ได้`,
  'error.wrong-format': str`ต้องการไฟล์ ${0} แต่ได้รับไฟล์รูปแบบอื่น`,
};
