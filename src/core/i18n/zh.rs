use super::{Counted, Msg, Plural};

pub fn text(msg: Msg) -> &'static str {
    match msg {
        Msg::AppName => "Cairn",
        Msg::MainNavigation => "主导航",
        Msg::NavContacts => "联系人",
        Msg::CreateContact => "创建联系人",
        Msg::NewContact => "新联系人",
        Msg::FirstName => "名",
        Msg::LastName => "姓",
        Msg::Email => "电子邮件",
        Msg::Save => "保存",
        Msg::Saving => "正在保存…",
        Msg::Saved => "已保存",
        Msg::Loading => "正在加载您的数据…",
        Msg::NoContactsYet => "还没有联系人。请用表单创建第一个联系人。",
        Msg::StorageUnavailable => "此浏览器不会保存您的数据：存储不可用（隐私模式或已被阻止）。Cairn 可以使用，但关闭标签页后所有内容都会丢失。",
        Msg::StorageDamaged => "无法读取已保存的数据。未做任何更改；Cairn 将在没有这些数据的情况下运行。",
        Msg::SaveFailed => "无法保存，更改已撤销：",
        Msg::NotFound => "找不到页面。",
        Msg::ErrEmail => "请输入有效的电子邮件地址，例如 name@example.com。",
        Msg::ErrUrl => "请输入以 http:// 或 https:// 开头的网址。",
        Msg::ErrPhone => "请输入电话号码，可使用数字、空格、+、- 和括号。",
        Msg::ErrNumber => "请输入数字。",
        Msg::ErrBelowMin => "该数字低于最小值。",
        Msg::ErrAboveMax => "该数字高于最大值。",
        Msg::ErrDate => "请输入日期。",
        Msg::ErrDateTime => "请输入日期和时间。",
        Msg::ErrUnknownOption => "请从选项中选择一项。",
        Msg::ErrCheckbox => "请选择是或否。",
        Msg::ErrReadOnly => "此属性不可编辑。",
        Msg::ErrRequired => "此字段为必填项。",
        Msg::ErrDuplicate => "已有其他记录使用此值。",
        Msg::ErrUnknownProperty => "此属性不存在。",
        Msg::ErrNotAssociable => "这两类记录之间无法关联。",
        Msg::ErrAssociateWithItself => "记录不能与自身关联。",
        Msg::ErrNotAssociated => "这些记录之间没有关联。",
        Msg::ErrUnknownLabel => "此关联标签不存在。",
        Msg::ErrTooManyAssociations => "此记录的此类关联已达上限。",
        Msg::ErrLabelTaken => "此标签的使用次数已达上限（例如只能有一个主要公司）。",
        Msg::ErrInvalidAssociationDef => "此关联定义无效。",
        Msg::ErrAssociationConflicts => "部分现有关联不符合此定义，请先修改。",
        Msg::ErrMergeSameRecord => "记录不能与自身合并。",
        Msg::ErrMergeDifferentObjects => "只能合并同一类型的记录。",
        Msg::ErrNothingToUndo => "没有可撤销的操作。",
        Msg::ErrUndoChanged => "数据在此期间已发生变化，无法撤销。",
    }
}

pub fn counted(msg: Counted, _n: Plural) -> &'static str {
    match msg {
        Counted::Contacts => "{n} 个联系人",
    }
}
