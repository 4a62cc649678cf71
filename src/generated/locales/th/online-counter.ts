// Do not modify this file by hand!
// Re-generate this file by running npm run localize:build (lit-localize, then
// scripts/split-locales.js).
import { html } from 'lit';
import { str } from '@lit/localize';

/* eslint-disable no-irregular-whitespace */

export const templates = {
  'online-counter.as-of': str`ข้อมูล ณ ${0}`,
  'online-counter.month': `เดือนนี้`,
  'online-counter.online': html`ขณะนี้มีผู้ Online อยู่ ${0} คน`,
  'online-counter.online-one': html`ขณะนี้มีผู้ Online อยู่ ${0} คน`,
  'online-counter.saved': `ตัวเลขที่บันทึกไว้`,
  'online-counter.today': `วันนี้`,
  'online-counter.total': `ทั้งหมด`,
  'online-counter.unknown': `ไม่ทราบจำนวน`,
};
