fn main() {
    println!("corpus-explorer");
}
