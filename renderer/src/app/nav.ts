import { ApartmentOutlined, AuditOutlined, SafetyCertificateOutlined, SettingOutlined, SwapOutlined } from '@ant-design/icons';
import { createElement, type ReactNode } from 'react';

export interface NavItem {
  key: string;
  label: string;
  path: string;
  icon: ReactNode;
}

/** The side menu, in order. The key is the first segment of the page's route. */
export const NAV_ITEMS: NavItem[] = [
  { key: 'units', label: '单位与会议', path: '/', icon: createElement(ApartmentOutlined) },
  { key: 'overview', label: '督导总览', path: '/overview', icon: createElement(AuditOutlined) },
  { key: 'exchange', label: '数据交换', path: '/exchange', icon: createElement(SwapOutlined) },
  { key: 'backup', label: '备份与恢复', path: '/backup', icon: createElement(SafetyCertificateOutlined) },
  { key: 'settings', label: '设置', path: '/settings', icon: createElement(SettingOutlined) },
];
